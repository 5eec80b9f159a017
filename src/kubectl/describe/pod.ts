/**
 * describe for pods and pod templates (describe.go describePod, describeContainers,
 * describeVolumes, DescribePodTemplate): containers with state, resources, probes, env and
 * mounts; volumes by source; conditions; QoS; tolerations.
 */
import { parseQuantity, toMilli, toValue } from '../../cluster/api/quantity';
import { L0, L1, L2, L3, type PrefixWriter, tabbedString } from './writer';
import { controllerOf, formatLabelSelector, printAnnotationsMultiline, printBool, printLabelsMultiline, printTolerationsMultiline, qty, rfc1123z, since, type Ctx, type J } from './format';
import { describeEvents } from './events';
import { goQuote } from '../util/gofmt';

type EnvResolver = ((e: J, c: J) => string) | undefined;

function podFieldValue(pod: J, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return String(pod.metadata?.[m[1]]?.[m[2]] ?? '');
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return ((pod.status?.podIPs as J[]) ?? []).map((p) => p.ip).join(',');
    case 'status.hostIPs':
      return ((pod.status?.hostIPs as J[]) ?? []).map((p) => p.ip).join(',');
    case 'metadata.labels':
    case 'metadata.annotations': {
      const obj = pod.metadata?.[path.split('.')[1]] ?? {};
      return Object.keys(obj)
        .sort()
        .map((k) => `${k}=${goQuote(obj[k])}`)
        .join('\n');
    }
  }
  return '';
}

/** resourcehelper.ExtractContainerResourceValue with the default divisor of 1. */
function containerResourceValue(ref: J, c: J): string {
  const [kind, name] = String(ref.resource).split('.');
  const v = c.resources?.[kind]?.[name];
  if (v === undefined) return '0';
  const divisor = parseQuantity(String(ref.divisor ?? '1'));
  const q = parseQuantity(String(v));
  if (name === 'cpu') return String(Math.ceil(toMilli(q) / toMilli(divisor)));
  return String(Math.ceil(toValue(q) / toValue(divisor)));
}

function probeString(p: J): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined || g.port === null ? '' : String(g.port);
    const host = g.host ?? '';
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${String(g.scheme ?? '').toLowerCase()}://${hostPort}${g.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(name: string, state: J | undefined, w: PrefixWriter, ctx: Ctx): void {
  if (state?.running) {
    w.write(L2, `${name}:\tRunning\n`);
    w.write(L3, `Started:\t${rfc1123z(state.running.startedAt, ctx)}\n`);
  } else if (state?.waiting) {
    w.write(L2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(L3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(L2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(L3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(L3, `Message:\t${t.message}\n`);
    w.write(L3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if (t.signal > 0) w.write(L3, `Signal:\t${t.signal}\n`);
    w.write(L3, `Started:\t${rfc1123z(t.startedAt, ctx)}\n`);
    w.write(L3, `Finished:\t${rfc1123z(t.finishedAt, ctx)}\n`);
  } else w.write(L2, `${name}:\tWaiting\n`);
}

export function describeResources(res: J | undefined, w: PrefixWriter, level: number): void {
  if (!res) return;
  const limits = res.limits ?? {};
  const requests = res.requests ?? {};
  if (Object.keys(limits).length) w.write(level, 'Limits:\n');
  for (const k of Object.keys(limits).sort()) w.write(level + 1, `${k}:\t${qty(limits[k])}\n`);
  if (Object.keys(requests).length) w.write(level, 'Requests:\n');
  for (const k of Object.keys(requests).sort()) w.write(level + 1, `${k}:\t${qty(requests[k])}\n`);
}

export function describeContainers(label: string, containers: J[] | undefined, statuses: J[] | undefined, resolve: EnvResolver, w: PrefixWriter, space: string, ctx: Ctx): void {
  const byName = new Map<string, J>((statuses ?? []).map((s) => [s.name, s]));
  w.write(L0, `${space}${label}:${containers?.length ? '' : ' <none>'}\n`);
  for (const c of containers ?? []) {
    const status = byName.get(c.name);
    w.write(L1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(L2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(L2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(L2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = ((c.ports as J[]) ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    if (ports.includes(',')) w.write(L2, `Ports:\t${ports}\n`);
    else w.write(L2, `Port:\t${ports || '<none>'}\n`);
    const hostPorts = ((c.ports as J[]) ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (hostPorts.includes(',')) w.write(L2, `Host Ports:\t${hostPorts}\n`);
    else w.write(L2, `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.securityContext?.seccompProfile) {
      w.write(L2, `SeccompProfile:\t${c.securityContext.seccompProfile.type}\n`);
      if (c.securityContext.seccompProfile.type === 'Localhost') w.write(L3, `LocalhostProfile:\t${c.securityContext.seccompProfile.localhostProfile}\n`);
    }
    if (c.command?.length) {
      w.write(L2, 'Command:\n');
      for (const x of c.command) for (const s of String(x).split('\n')) w.write(L3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(L2, 'Args:\n');
      for (const x of c.args) for (const s of String(x).split('\n')) w.write(L3, `${s}\n`);
    }
    if (status) {
      describeStatus('State', status.state, w, ctx);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w, ctx);
      w.write(L2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(L2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(c.resources, w, L2);
    if (c.livenessProbe) w.write(L2, `Liveness:\t${probeString(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(L2, `Readiness:\t${probeString(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(L2, `Startup:\t${probeString(c.startupProbe)}\n`);
    if (c.envFrom?.length) {
      w.write(L2, 'Environment Variables from:\n');
      for (const e of c.envFrom as J[]) {
        let from = '';
        let name = '';
        let optional = false;
        if (e.configMapRef) {
          from = 'ConfigMap';
          name = e.configMapRef.name;
          optional = !!e.configMapRef.optional;
        } else if (e.secretRef) {
          from = 'Secret';
          name = e.secretRef.name;
          optional = !!e.secretRef.optional;
        }
        if (!e.prefix) w.write(L3, `${name}\t${from}\tOptional: ${optional}\n`);
        else w.write(L3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      }
    }
    w.write(L2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
    for (const e of (c.env as J[]) ?? []) {
      if (!e.valueFrom) {
        String(e.value ?? '')
          .split('\n')
          .forEach((s, i) => w.write(L3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
        continue;
      }
      const vf = e.valueFrom;
      if (vf.fieldRef) w.write(L3, `${e.name}:\t${resolve ? resolve(e, c) : ''} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})\n`);
      else if (vf.resourceFieldRef) {
        let v = containerResourceValue(vf.resourceFieldRef, c);
        const r = vf.resourceFieldRef.resource;
        if (v === '0' && (r === 'limits.cpu' || r === 'limits.memory')) v = 'node allocatable';
        w.write(L3, `${e.name}:\t${v} (${r})\n`);
      } else if (vf.secretKeyRef) w.write(L3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${!!vf.secretKeyRef.optional}\n`);
      else if (vf.configMapKeyRef) w.write(L3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${!!vf.configMapKeyRef.optional}\n`);
    }
    const mounts = [...((c.volumeMounts as J[]) ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(L2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
      w.write(L3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
    if (c.volumeDevices?.length) {
      w.write(L2, `Devices:${mounts.length ? '' : '\t<none>'}\n`);
      for (const d of [...c.volumeDevices].sort((a: J, b: J) => (a.devicePath < b.devicePath ? -1 : 1))) w.write(L3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

const ptrText = (v: unknown) => (v === undefined || v === null ? '<nil>' : `0xc000${(0x100000 + Math.abs(JSON.stringify(v).length * 4099)).toString(16)}`);

export function describeVolumes(volumes: J[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(L0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(L0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(L1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.hostPath) w.write(L2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`);
    else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit && qty(v.emptyDir.sizeLimit) !== '0' ? qty(v.emptyDir.sizeLimit) : '<unset>';
      w.write(L2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
    } else if (v.secret) w.write(L2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${!!v.secret.optional}\n`);
    else if (v.configMap) w.write(L2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${!!v.configMap.optional}\n`);
    else if (v.nfs) w.write(L2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${!!v.nfs.readOnly}\n`);
    else if (v.persistentVolumeClaim)
      w.write(L2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`);
    else if (v.downwardAPI) {
      w.write(L2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const it of (v.downwardAPI.items as J[]) ?? []) {
        if (it.fieldRef) w.write(L3, `${it.fieldRef.fieldPath} -> ${it.path}\n`);
        if (it.resourceFieldRef) w.write(L3, `${it.resourceFieldRef.resource} -> ${it.path}\n`);
      }
    } else if (v.projected) {
      w.write(L2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of (v.projected.sources as J[]) ?? []) {
        if (s.secret) w.write(L2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${ptrText(s.secret.optional)}\n`);
        else if (s.downwardAPI) w.write(L2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(L2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${ptrText(s.configMap.optional)}\n`);
        else if (s.serviceAccountToken) w.write(L2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}\n`);
      }
    } else if (v.csi) {
      w.write(L2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${!!v.csi.readOnly}\n`);
      printLabelsMultiline(w, 'VolumeAttributes', v.csi.volumeAttributes, '    ', '\t');
    } else if (v.ephemeral) w.write(L2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    else if (v.image) w.write(L2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${v.image.reference ?? ''}\n    PullPolicy:\t${v.image.pullPolicy ?? ''}\n`);
    else w.write(L1, '<unknown>\n');
  }
}

function describeTopologySpreadConstraints(tscs: J[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(L0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i) {
      w.write(L0, space);
      w.write(L0, '\t');
    }
    w.write(L0, `${t.topologyKey}:`);
    w.write(L0, `${t.whenUnsatisfiable}`);
    w.write(L0, ` when max skew ${t.maxSkew} is exceeded`);
    if (t.labelSelector) w.write(L0, ` for selector ${formatLabelSelector(t.labelSelector)}`);
    w.write(L0, '\n');
  });
}

export function describePodTemplate(template: J | undefined, w: PrefixWriter, ctx: Ctx): void {
  w.write(L0, 'Pod Template:\n');
  if (!template) {
    w.write(L1, '<unset>');
    return;
  }
  const md = template.metadata ?? {};
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', md.labels);
  if (md.annotations && Object.keys(md.annotations).length) printAnnotationsMultiline(w, '  Annotations', md.annotations);
  if (spec.serviceAccountName) w.write(L1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ', ctx);
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ', ctx);
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(L1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

/** v1qos.GetPodQOS: the status's class when set, else computed from requests and limits. */
function podQOS(pod: J): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const all = [...((pod.spec?.containers as J[]) ?? []), ...((pod.spec?.initContainers as J[]) ?? [])];
  let requests = 0;
  let limits = 0;
  let guaranteed = true;
  for (const c of all) {
    const rq = c.resources?.requests ?? {};
    const lm = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (rq[r] !== undefined && qty(rq[r]) !== '0') requests++;
      if (lm[r] !== undefined && qty(lm[r]) !== '0') limits++;
      if (lm[r] === undefined || (rq[r] !== undefined && qty(rq[r]) !== qty(lm[r]))) guaranteed = false;
    }
  }
  if (requests === 0 && limits === 0) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = pod.metadata ?? {};
    const spec = pod.spec ?? {};
    const status = pod.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(L0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(L0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(L0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(L0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(L0, 'Node:\t<none>\n');
    else w.write(L0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(L0, `Start Time:\t${rfc1123z(status.startTime, ctx)}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    if (md.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(L0, `Status:\tTerminating (lasts ${since(md.deletionTimestamp, ctx)})\n`);
      w.write(L0, `Termination Grace Period:\t${md.deletionGracePeriodSeconds ?? 0}s\n`);
    } else w.write(L0, `Status:\t${status.phase ?? ''}\n`);
    if (status.reason) w.write(L0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(L0, `Message:\t${status.message}\n`);
    if (spec.securityContext?.seccompProfile) {
      w.write(L0, `SeccompProfile:\t${spec.securityContext.seccompProfile.type}\n`);
      if (spec.securityContext.seccompProfile.type === 'Localhost') w.write(L0, `LocalhostProfile:\t${spec.securityContext.seccompProfile.localhostProfile}\n`);
    }
    w.write(L0, `IP:\t${status.podIP ?? ''}\n`);
    if (!status.podIPs?.length) w.write(L0, 'IPs:\t<none>\n');
    else {
      w.write(L0, 'IPs:\n');
      for (const ip of status.podIPs as J[]) w.write(L1, `IP:\t${ip.ip}\n`);
    }
    const ctl = controllerOf(pod);
    if (ctl) w.write(L0, `Controlled By:\t${ctl}\n`);
    if (status.nominatedNodeName) w.write(L0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(L0, 'Resources:\n');
      describeResources(spec.resources, w, L1);
    }
    const resolve: EnvResolver = (e) => podFieldValue(pod, e.valueFrom.fieldRef.fieldPath);
    if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '', ctx);
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '', ctx);
    if (spec.ephemeralContainers?.length) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, '', ctx);
    if (spec.readinessGates?.length) {
      w.write(L0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates as J[]) {
        const c = ((status.conditions as J[]) ?? []).find((x) => x.type === g.conditionType);
        w.write(L1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(L0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions as J[]) w.write(L1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(L0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events) describeEvents(events, w, ctx);
  });
}
