/**
 * `kubectl expose` (pkg/cmd/expose): a Service for a pod, deployment, replica set, replication
 * controller or service, taking selector, ports and protocols from the object
 * (polymorphichelpers) unless given, printed as `service/NAME exposed`.
 */
import { applyPatch } from '../../cluster/apiserver/patch';
import type { KObject } from '../../cluster/api/types';
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags } from '../cli/common';
import { aggregate } from '../errors';
import { build } from '../resource/builder';
import type { Obj } from '../util/manifest';
import { createGenerated } from './create/generate';
import { serviceObject, type ServicePort } from './create/objects';

const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/ReplicaSet']);

type Containers = { ports?: { containerPort: number; protocol?: string }[] }[];

function podSpecOf(o: Obj): { containers?: Containers } | undefined {
  const spec = o.spec as { template?: { spec?: { containers?: Containers } }; containers?: Containers } | undefined;
  return o.kind === 'Pod' ? spec : spec?.template?.spec;
}

/** MapBasedSelectorForObject. */
function selectorFor(o: Obj): string {
  const spec = o.spec as { selector?: Record<string, unknown> } | undefined;
  let sel: Record<string, string> | undefined;
  switch (o.kind) {
    case 'Pod':
      if (!o.metadata?.labels || !Object.keys(o.metadata.labels).length) throw new Error(`the pod has no labels and cannot be exposed`);
      sel = o.metadata.labels;
      break;
    case 'ReplicationController':
    case 'Service':
      sel = spec?.selector as Record<string, string>;
      if (o.kind === 'Service' && !sel) throw new Error(`the service has no pod selector set`);
      break;
    case 'Deployment':
    case 'ReplicaSet': {
      const ls = spec?.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (ls?.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${JSON.stringify(ls.matchExpressions)}" to map-based selector format`);
      sel = ls?.matchLabels;
      break;
    }
    default:
      throw new Error(`cannot extract pod selector from ${o.kind}`);
  }
  return Object.keys(sel ?? {})
    .sort()
    .map((k) => `${k}=${sel![k]}`)
    .join(',');
}

/** PortsForObject. */
function portsFor(o: Obj): string[] {
  if (o.kind === 'Service') return ((o.spec as { ports?: { port: number }[] })?.ports ?? []).map((p) => String(p.port));
  return (podSpecOf(o)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

/** MultiProtocolsForObject: port → protocols. */
function protocolsFor(o: Obj): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (port: number, proto = 'TCP') => m.set(String(port), [...(m.get(String(port)) ?? []), proto]);
  if (o.kind === 'Service') for (const p of (o.spec as { ports?: { port: number; protocol?: string }[] })?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(o)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return m;
}

function parseLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2 || !kv[0]) throw new Error(`invalid label spec: ${part}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

async function run(cmd: Cmd): Promise<void> {
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), flatten: true, latest: true });
  const errors = [...result.errors];
  for (const info of result.infos) {
    try {
      const m = info.mapping;
      if (!EXPOSABLE.has(`${m.group}/${m.kind}`)) throw new Error(`cannot expose a ${m.kind}${m.group ? `.${m.group}` : ''}`);
      const obj = info.object as Obj;
      let selector = cmd.str('selector');
      if (!selector) {
        try {
          selector = selectorFor(obj);
        } catch (e) {
          throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
        }
      }
      const headless = cmd.str('cluster-ip') === 'None';
      let port = cmd.str('port');
      let ports = '';
      if (!port) {
        const found = portsFor(obj);
        if (found.length === 0 && !headless) throw new Error("couldn't find port via --port flag or introspection");
        if (found.length === 1) port = found[0];
        else if (found.length > 1) ports = found.join(',');
      }
      const protoMap = protocolsFor(obj);
      let labels = cmd.str('labels');
      if (!labels) labels = Object.keys(obj.metadata?.labels ?? {}).sort().map((k) => `${k}=${obj.metadata!.labels![k]}`).join(',');
      const name = cmd.str('name') || info.name.slice(0, 63);
      const portString = ports || port;
      const svcPorts: ServicePort[] = [];
      if (portString) {
        const list = portString.split(',');
        list.forEach((p, i) => {
          if (!/^[+-]?\d+$/.test(p)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
          const n = Number(p);
          const pname = list.length > 1 ? `port-${i + 1}` : '';
          let protocol = cmd.str('protocol');
          if (!protocol && protoMap.size === 0) protocol = 'TCP';
          else if (!protocol) {
            protocol = 'TCP';
            const found = protoMap.get(p);
            if (found) {
              if (found.length === 1) protocol = found[0];
              else {
                for (const ep of found) svcPorts.push({ name: `port-${i + 1}-${ep.toLowerCase()}`, port: n, protocol: ep, targetPort: n });
                return;
              }
            }
          }
          svcPorts.push({ name: pname, port: n, protocol, targetPort: n });
        });
      }
      const target = cmd.str('target-port');
      if (target) for (const p of svcPorts) p.targetPort = /^\d+$/.test(target) ? Number(target) : target;
      let svc = serviceObject({
        name,
        labels: labels ? parseLabels(labels) : undefined,
        selector: parseLabels(selector),
        ports: svcPorts,
        clusterIP: cmd.str('cluster-ip'),
        externalIPs: cmd.str('external-ip') ? [cmd.str('external-ip')] : undefined,
        loadBalancerIP: cmd.str('load-balancer-ip'),
        sessionAffinity: cmd.str('session-affinity'),
        type: cmd.str('type'),
      });
      const overrides = cmd.str('overrides');
      if (overrides) svc = applyPatch(svc as KObject, JSON.parse(overrides), 'application/merge-patch+json', 'Service') as Obj;
      await createGenerated(cmd, svc, { resource: 'services', failPrefix: '', fieldManager: 'kubectl-expose', operation: 'exposed', saveConfig: 'server-only' });
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags: [
    ...printFlags,
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on.' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to.' },
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service.' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    { name: 'overrides', type: 'string', usage: 'An inline JSON override for the generated object.' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    ...filenameFlags('identifying the resource to expose a service'),
    dryRunFlag,
    fieldManagerFlag('kubectl-expose'),
  ],
  run,
};
