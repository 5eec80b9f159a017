/** describe for Nodes, Services, Endpoints, Namespaces, ConfigMaps, Secrets, ServiceAccounts, HPAs, PDBs, PriorityClasses, quotas and limit ranges. */
import { parseQuantity, toMilli, toValue, addQuantities, formatQuantity, newQuantity, type Quantity } from '../../cluster/api/quantity';
import { describeEvents } from './events';
import { formatLabelSelector, intOrString, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, qty, rfc1123z, since, type Ctx, type J } from './format';
import { L0, L1, L2, L3, type PrefixWriter, tabbedString } from './writer';
import { goQuote } from '../util/gofmt';

const sortedKeys = (o: Record<string, unknown> | undefined) => Object.keys(o ?? {}).sort();

/** resourcehelper.PodRequestsAndLimits: max(sum of containers, largest init container), plus overhead. */
function podRequestsAndLimits(pod: J): { reqs: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const sum = (field: 'requests' | 'limits') => {
    const out = new Map<string, Quantity>();
    for (const c of (pod.spec?.containers as J[]) ?? [])
      for (const [k, v] of Object.entries((c.resources?.[field] as Record<string, string>) ?? {})) out.set(k, out.has(k) ? addQuantities(out.get(k)!, parseQuantity(v)) : parseQuantity(v));
    for (const c of (pod.spec?.initContainers as J[]) ?? []) {
      for (const [k, v] of Object.entries((c.resources?.[field] as Record<string, string>) ?? {})) {
        const q = parseQuantity(v);
        const cur = out.get(k);
        if (!cur || toValue(q) > toValue(cur) || toMilli(q) > toMilli(cur)) out.set(k, q);
      }
    }
    for (const [k, v] of Object.entries((pod.spec?.overhead as Record<string, string>) ?? {})) if (out.has(k)) out.set(k, addQuantities(out.get(k)!, parseQuantity(v)));
    return out;
  };
  return { reqs: sum('requests'), limits: sum('limits') };
}

const zeroQ = (): Quantity => newQuantity(0, 'DecimalSI');
const pct = (num: number, den: number) => (den === 0 ? 0 : Math.trunc((num / den) * 100));

function describeNodeResource(pods: J[], node: J, w: PrefixWriter, ctx: Ctx): void {
  w.write(L0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(L1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(L1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = node.status?.allocatable && Object.keys(node.status.allocatable).length ? node.status.allocatable : (node.status?.capacity ?? {});
  const allocCpu = toMilli(parseQuantity(String(alloc.cpu ?? '0')));
  const allocMem = toValue(parseQuantity(String(alloc.memory ?? '0')));
  const allocEph = toValue(parseQuantity(String(alloc['ephemeral-storage'] ?? '0')));
  const totalReq = new Map<string, Quantity>();
  const totalLim = new Map<string, Quantity>();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [k, v] of reqs) totalReq.set(k, totalReq.has(k) ? addQuantities(totalReq.get(k)!, v) : v);
    for (const [k, v] of limits) totalLim.set(k, totalLim.has(k) ? addQuantities(totalLim.get(k)!, v) : v);
    const cr = reqs.get('cpu') ?? zeroQ();
    const cl = limits.get('cpu') ?? zeroQ();
    const mr = reqs.get('memory') ?? zeroQ();
    const ml = limits.get('memory') ?? zeroQ();
    w.write(
      L1,
      `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${formatQuantity(cr)} (${pct(toMilli(cr), allocCpu)}%)\t${formatQuantity(cl)} (${pct(toMilli(cl), allocCpu)}%)\t${formatQuantity(mr)} (${pct(toValue(mr), allocMem)}%)\t${formatQuantity(ml)} (${pct(toValue(ml), allocMem)}%)\t${since(pod.metadata?.creationTimestamp, ctx)}\n`,
    );
  }
  w.write(L0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(L1, 'Resource\tRequests\tLimits\n');
  w.write(L1, '--------\t--------\t------\n');
  const g = (m: Map<string, Quantity>, k: string) => m.get(k) ?? zeroQ();
  w.write(L1, `cpu\t${formatQuantity(g(totalReq, 'cpu'))} (${pct(toMilli(g(totalReq, 'cpu')), allocCpu)}%)\t${formatQuantity(g(totalLim, 'cpu'))} (${pct(toMilli(g(totalLim, 'cpu')), allocCpu)}%)\n`);
  w.write(L1, `memory\t${formatQuantity(g(totalReq, 'memory'))} (${pct(toValue(g(totalReq, 'memory')), allocMem)}%)\t${formatQuantity(g(totalLim, 'memory'))} (${pct(toValue(g(totalLim, 'memory')), allocMem)}%)\n`);
  w.write(
    L1,
    `ephemeral-storage\t${formatQuantity(g(totalReq, 'ephemeral-storage'))} (${pct(toValue(g(totalReq, 'ephemeral-storage')), allocEph)}%)\t${formatQuantity(g(totalLim, 'ephemeral-storage'))} (${pct(toValue(g(totalLim, 'ephemeral-storage')), allocEph)}%)\n`,
  );
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  const huge = Object.keys(alloc).filter((r) => r.startsWith('hugepages-')).sort();
  const ext = Object.keys(alloc)
    .filter((r) => !r.startsWith('hugepages-') && !standard.has(r) && !r.startsWith('requests.') && !r.startsWith('limits.'))
    .sort();
  for (const r of huge) {
    const a = toValue(parseQuantity(String(alloc[r])));
    w.write(L1, `${r}\t${formatQuantity(g(totalReq, r))} (${pct(toValue(g(totalReq, r)), a)}%)\t${formatQuantity(g(totalLim, r))} (${pct(toValue(g(totalLim, r)), a)}%)\n`);
  }
  for (const r of ext) w.write(L1, `${r}\t${formatQuantity(g(totalReq, r))}\t${formatQuantity(g(totalLim, r))}\n`);
}

export function describeNode(node: J, pods: J[] | undefined, events: J[] | undefined, lease: J | Error, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = node.metadata ?? {};
    const spec = node.spec ?? {};
    const st = node.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    const roles = new Set<string>();
    for (const [k, v] of Object.entries((md.labels as Record<string, string>) ?? {})) {
      if (k.startsWith('node-role.kubernetes.io/')) {
        const r = k.slice('node-role.kubernetes.io/'.length);
        if (r) roles.add(r);
      } else if (k === 'kubernetes.io/role' && v) roles.add(v);
    }
    w.write(L0, `Roles:\t${roles.size ? [...roles].sort().join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp, ctx)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(L0, `Unschedulable:\t${spec.unschedulable ? 'true' : 'false'}\n`);
    if (lease instanceof Error) w.write(L0, `Lease:\tFailed to get lease: ${lease.message}\n`);
    else {
      w.write(L0, 'Lease:\n');
      const ls = lease.spec ?? {};
      w.write(L1, `HolderIdentity:\t${ls.holderIdentity ?? '<unset>'}\n`);
      w.write(L1, `AcquireTime:\t${ls.acquireTime ? rfc1123z(ls.acquireTime, ctx) : '<unset>'}\n`);
      w.write(L1, `RenewTime:\t${ls.renewTime ? rfc1123z(ls.renewTime, ctx) : '<unset>'}\n`);
    }
    if (st.conditions?.length) {
      w.write(L0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(L1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st.conditions as J[])
        w.write(L1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime, ctx)} \t${rfc1123z(c.lastTransitionTime, ctx)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
    w.write(L0, 'Addresses:\n');
    for (const a of (st.addresses as J[]) ?? []) w.write(L1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Record<string, string>) => {
      for (const k of sortedKeys(list)) w.write(L0, `  ${k}:\t${qty(list[k])}\n`);
    };
    if (st.capacity && Object.keys(st.capacity).length) {
      w.write(L0, 'Capacity:\n');
      printList(st.capacity);
    }
    if (st.allocatable && Object.keys(st.allocatable).length) {
      w.write(L0, 'Allocatable:\n');
      printList(st.allocatable);
    }
    const ni = st.nodeInfo ?? {};
    w.write(L0, 'System Info:\n');
    w.write(L0, `  Machine ID:\t${ni.machineID ?? ''}\n`);
    w.write(L0, `  System UUID:\t${ni.systemUUID ?? ''}\n`);
    w.write(L0, `  Boot ID:\t${ni.bootID ?? ''}\n`);
    w.write(L0, `  Kernel Version:\t${ni.kernelVersion ?? ''}\n`);
    w.write(L0, `  OS Image:\t${ni.osImage ?? ''}\n`);
    w.write(L0, `  Operating System:\t${ni.operatingSystem ?? ''}\n`);
    w.write(L0, `  Architecture:\t${ni.architecture ?? ''}\n`);
    w.write(L0, `  Container Runtime Version:\t${ni.containerRuntimeVersion ?? ''}\n`);
    w.write(L0, `  Kubelet Version:\t${ni.kubeletVersion ?? ''}\n`);
    w.write(L0, `  Kube-Proxy Version:\t${ni.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(L0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(L0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(L0, `ProviderID:\t${spec.providerID}\n`);
    if (pods) describeNodeResource(pods, node, w, ctx);
    else w.write(L0, 'Pods:\tnot authorized\n');
    if (events) describeEvents(events, w, ctx);
  });
}

/** describe's formatEndpointSlices for one port name. */
function formatEndpointSlices(slices: J[], portName: string): string {
  if (!slices.length) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const ready = (e: J) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
    if (!s.ports?.length) {
      for (const e of (s.endpoints as J[]) ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
    } else {
      for (const p of s.ports as J[]) {
        if ((p.name ?? '') !== portName) continue;
        for (const e of (s.endpoints as J[]) ?? []) {
          if (list.length === max) more = true;
          const addr = e.addresses[0];
          if (!ready(e)) continue;
          if (!more) list.push(addr.includes(':') ? `[${addr}]:${p.port}` : `${addr}:${p.port}`);
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(svc: J, slices: J[], events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = svc.metadata ?? {};
    const spec = svc.spec ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    const sel = spec.selector ?? {};
    w.write(L0, `Selector:\t${Object.keys(sel).length ? sortedKeys(sel).map((k) => `${k}=${sel[k]}`).join(',') : '<none>'}\n`);
    w.write(L0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(L0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(L0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(L0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(L0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(L0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(L0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(L0, `External Name:\t${spec.externalName}\n`);
    const ingress = (svc.status?.loadBalancer?.ingress as J[]) ?? [];
    if (ingress.length) w.write(L0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname)).join(', ')}\n`);
    for (const sp of (spec.ports as J[]) ?? []) {
      const name = sp.name || '<unset>';
      w.write(L0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
      w.write(L0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol}\n`);
      if (sp.nodePort) w.write(L0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
      w.write(L0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(L0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(L0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(L0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(L0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(L0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeEndpoints(ep: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = ep.metadata ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, 'Subsets:\n');
    for (const s of (ep.subsets as J[]) ?? []) {
      w.write(L1, `Addresses:\t${((s.addresses as J[]) ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(L1, `NotReadyAddresses:\t${((s.notReadyAddresses as J[]) ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if (s.ports?.length) {
        w.write(L1, 'Ports:\n');
        w.write(L2, 'Name\tPort\tProtocol\n');
        w.write(L2, '----\t----\t--------\n');
        for (const p of s.ports as J[]) w.write(L2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
      }
      w.write(L0, '\n');
    }
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeNamespace(ns: J, quotas: J[] | undefined, limits: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = ns.metadata ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `Status:\t${ns.status?.phase ?? ''}\n`);
    if (ns.status?.conditions?.length) {
      w.write(L0, 'Conditions:\n');
      w.write(L1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(L1, '----\t------\t------------------\t------\t-------\n');
      for (const c of ns.status.conditions as J[]) w.write(L1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime, ctx)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (quotas) {
      w.write(L0, '\n');
      if (!quotas.length) w.write(L0, 'No resource quota.\n');
      else {
        w.write(L0, 'Resource Quotas\n');
        for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
          w.write(L1, `Name:\t${q.metadata.name}\n`);
          if (q.spec?.scopes?.length) w.write(L1, `Scopes:\t${[...q.spec.scopes].sort().join(', ')}\n`);
          w.write(L1, 'Resource\tUsed\tHard\n');
          w.write(L1, '--------\t---\t---\n');
          for (const r of sortedKeys(q.status?.hard)) w.write(L1, `${r}\t${qty(q.status?.used?.[r])}\t${qty(q.status.hard[r])}\n`);
        }
      }
    }
    if (limits) {
      w.write(L0, '\n');
      if (!limits.length) w.write(L0, 'No LimitRange resource.\n');
      else {
        w.write(L0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
        w.write(L0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
        for (const lr of limits) limitRangeSpec(lr.spec, ' ', w);
      }
    }
  });
}

function limitRangeSpec(spec: J | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of (spec?.limits as J[]) ?? []) {
    const keys = new Set<string>([...sortedKeys(item.max), ...sortedKeys(item.min), ...sortedKeys(item.default), ...sortedKeys(item.defaultRequest), ...sortedKeys(item.maxLimitRequestRatio)]);
    for (const k of keys) {
      const v = (m: J | undefined) => (m && k in m ? qty(m[k]) : '-');
      w.write(L0, `${prefix}${item.type}\t${k}\t${v(item.min)}\t${v(item.max)}\t${v(item.defaultRequest)}\t${v(item.default)}\t${v(item.maxLimitRequestRatio)}\n`);
    }
  }
}

export function describeConfigMap(cm: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = cm.metadata ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(L0, `${k}:\n----\n`);
      w.write(L0, `${cm.data[k]}\n`);
      w.write(L0, '\n');
    }
    w.write(L0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData)) w.write(L0, `${k}: ${atob(cm.binaryData[k]).length} bytes\n`);
    w.write(L0, '\n');
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeSecret(s: J): string {
  return tabbedString((w) => {
    const md = s.metadata ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `\nType:\t${s.type ?? ''}\n`);
    w.write(L0, '\nData\n====\n');
    for (const k of sortedKeys(s.data)) {
      const raw = atob(s.data[k]);
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(L0, `${k}:\t${raw}\n`);
      else w.write(L0, `${k}:\t${raw.length} bytes\n`);
    }
  });
}

export function describeServiceAccount(sa: J, tokens: string[], missing: Set<string>, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = sa.metadata ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    const types: [string, string[]][] = [
      ['Image pull secrets:', ((sa.imagePullSecrets as J[]) ?? []).map((s) => s.name)],
      ['Mountable secrets: ', ((sa.secrets as J[]) ?? []).map((s) => s.name)],
      ['Tokens:            ', tokens],
    ];
    types.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (const [header, names] of types) {
      if (!names.length) w.write(L0, `${header}\t<none>\n`);
      else {
        let prefix = header;
        for (const n of names) {
          w.write(L0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`);
          prefix = '                   ';
        }
      }
    }
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeHPA(hpa: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = hpa.metadata ?? {};
    const spec = hpa.spec ?? {};
    const st = hpa.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp, ctx)}\n`);
    w.write(L0, `Reference:\t${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}\n`);
    w.write(L0, 'Metrics:\t( current / target )\n');
    ((spec.metrics as J[]) ?? []).forEach((m, i) => {
      const cur = (st.currentMetrics as J[] | undefined)?.[i];
      switch (m.type) {
        case 'Resource': {
          w.write(L1, `resource ${m.resource.name} on pods`);
          if (m.resource.target?.averageValue !== undefined) w.write(L0, `:\t${cur?.resource ? qty(cur.resource.current?.averageValue) : '<unknown>'} / ${qty(m.resource.target.averageValue)}\n`);
          else {
            const current = cur?.resource && cur.resource.current?.averageUtilization !== undefined ? `${cur.resource.current.averageUtilization}% (${qty(cur.resource.current.averageValue)})` : '<unknown>';
            const target = m.resource.target?.averageUtilization !== undefined ? `${m.resource.target.averageUtilization}%` : '<auto>';
            w.write(L1, `(as a percentage of request):\t${current} / ${target}\n`);
          }
          break;
        }
        case 'Pods':
          w.write(L1, `${goQuote(m.pods.metric.name)} on pods:\t${cur?.pods ? qty(cur.pods.current?.averageValue) : '<unknown>'} / ${qty(m.pods.target?.averageValue)}\n`);
          break;
        default:
          w.write(L1, `<unknown metric type ${goQuote(m.type)}>\n`);
      }
    });
    w.write(L0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(L0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    if (spec.behavior) {
      w.write(L0, 'Behavior:\n');
      for (const [dir, rules] of [
        ['Scale Up', spec.behavior.scaleUp],
        ['Scale Down', spec.behavior.scaleDown],
      ] as [string, J | undefined][]) {
        if (!rules) continue;
        w.write(L1, `${dir}:\n`);
        if (rules.stabilizationWindowSeconds !== undefined) w.write(L2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
        if (rules.policies?.length) {
          w.write(L2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
          w.write(L2, 'Policies:\n');
          for (const p of rules.policies as J[]) w.write(L3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
        }
      }
    }
    w.write(L0, `${spec.scaleTargetRef?.kind} pods:\t`);
    w.write(L0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
    if (st.conditions?.length) {
      w.write(L0, 'Conditions:\n');
      w.write(L1, 'Type\tStatus\tReason\tMessage\n');
      w.write(L1, '----\t------\t------\t-------\n');
      for (const c of st.conditions as J[]) w.write(L1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx);
  });
}

export function describePDB(pdb: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = pdb.metadata ?? {};
    const spec = pdb.spec ?? {};
    const st = pdb.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    if (spec.minAvailable !== undefined) w.write(L0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (spec.maxUnavailable !== undefined) w.write(L0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(L0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
    w.write(L0, 'Status:\n');
    w.write(L2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
    w.write(L2, `Current:\t${st.currentHealthy ?? 0}\n`);
    w.write(L2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
    w.write(L2, `Total:\t${st.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, ctx);
  });
}

export function describePriorityClass(pc: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    w.write(L0, `Name:\t${pc.metadata?.name}\n`);
    w.write(L0, `Value:\t${pc.value ?? 0}\n`);
    w.write(L0, `GlobalDefault:\t${pc.globalDefault ? 'true' : 'false'}\n`);
    w.write(L0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
    w.write(L0, `Description:\t${pc.description ?? ''}\n`);
    const a = pc.metadata?.annotations ?? {};
    w.write(L0, `Annotations:\t${Object.keys(a).length ? sortedKeys(a).map((k) => `${k}=${a[k]}`).join(',') : '<none>'}\n`);
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeQuota(q: J): string {
  return tabbedString((w) => {
    w.write(L0, `Name:\t${q.metadata?.name}\n`);
    w.write(L0, `Namespace:\t${q.metadata?.namespace}\n`);
    if (q.spec?.scopes?.length) w.write(L0, `Scopes:\t${[...q.spec.scopes].sort().join(', ')}\n`);
    w.write(L0, 'Resource\tUsed\tHard\n');
    w.write(L0, '--------\t----\t----\n');
    for (const r of sortedKeys(q.status?.hard)) w.write(L0, `${r}\t${qty(q.status?.used?.[r])}\t${qty(q.status.hard[r])}\n`);
  });
}

export function describeLimitRange(lr: J): string {
  return tabbedString((w) => {
    w.write(L0, `Name:\t${lr.metadata?.name}\n`);
    w.write(L0, `Namespace:\t${lr.metadata?.namespace}\n`);
    w.write(L0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(L0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    limitRangeSpec(lr.spec, '', w);
  });
}
