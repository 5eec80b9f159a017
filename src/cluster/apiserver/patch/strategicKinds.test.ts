import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategic';

type J = Record<string, unknown>;

/** Reads a dotted path; numeric segments index lists. */
function at(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as J)?.[k], o);
}

describe('strategic merge patch uses each kind’s merge keys', () => {
  const pod: J = {
    kind: 'Pod',
    metadata: { name: 'p', ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', uid: 'u1' }] },
    spec: {
      imagePullSecrets: [{ name: 's1' }],
      hostAliases: [{ ip: '1.1.1.1', hostnames: ['a'] }],
      topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 1 }],
      containers: [{ name: 'c', image: 'i', volumeDevices: [{ name: 'd', devicePath: '/dev/x' }] }],
      ephemeralContainers: [{ name: 'dbg', image: 'busybox' }],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      podIPs: [{ ip: '10.0.0.1' }],
    },
  };
  const node: J = {
    kind: 'Node',
    metadata: { name: 'n' },
    spec: { taints: [{ key: 'a', effect: 'NoSchedule' }], podCIDRs: ['10.0.0.0/24'] },
    status: {
      addresses: [
        { type: 'InternalIP', address: '1.2.3.4' },
        { type: 'Hostname', address: 'n' },
      ],
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'MemoryPressure', status: 'False' },
      ],
    },
  };
  const service: J = { kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'https', port: 443 }] } };
  const cronJob: J = {
    kind: 'CronJob',
    metadata: { name: 'cj' },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'E', value: '1' }] }] } } } } },
  };
  const widget: J = { kind: 'Widget', metadata: { name: 'w', finalizers: ['a'] }, spec: { items: [{ name: 'x', v: 1 }], opts: { a: 1 } } };

  const cases: { name: string; doc: J; kind: string; patch: J; path: string; want: unknown }[] = [
    {
      name: "the kubelet's pod status patch merges conditions by type",
      doc: pod,
      kind: 'Pod',
      patch: { status: { '$setElementOrder/conditions': [{ type: 'Ready' }, { type: 'PodScheduled' }], conditions: [{ type: 'Ready', status: 'True' }] } },
      path: 'status.conditions',
      want: [
        { type: 'Ready', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
    },
    { name: 'pod IPs merge by ip', doc: pod, kind: 'Pod', patch: { status: { podIPs: [{ ip: '10.0.0.2' }] } }, path: 'status.podIPs', want: [{ ip: '10.0.0.2' }, { ip: '10.0.0.1' }] },
    {
      name: 'ownerReferences merge by uid',
      doc: pod,
      kind: 'Pod',
      patch: { metadata: { ownerReferences: [{ kind: 'X', name: 'x', uid: 'u2' }] } },
      path: 'metadata.ownerReferences',
      want: [{ kind: 'X', name: 'x', uid: 'u2' }, { kind: 'ReplicaSet', name: 'rs', uid: 'u1' }],
    },
    { name: 'imagePullSecrets merge by name', doc: pod, kind: 'Pod', patch: { spec: { imagePullSecrets: [{ name: 's2' }] } }, path: 'spec.imagePullSecrets', want: [{ name: 's2' }, { name: 's1' }] },
    { name: 'hostAliases merge by ip', doc: pod, kind: 'Pod', patch: { spec: { hostAliases: [{ ip: '1.1.1.1', hostnames: ['b'] }] } }, path: 'spec.hostAliases', want: [{ ip: '1.1.1.1', hostnames: ['b'] }] },
    {
      name: 'topologySpreadConstraints merge by topologyKey',
      doc: pod,
      kind: 'Pod',
      patch: { spec: { topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 2 }] } },
      path: 'spec.topologySpreadConstraints',
      want: [{ topologyKey: 'zone', maxSkew: 2 }],
    },
    {
      name: 'volumeDevices merge by devicePath',
      doc: pod,
      kind: 'Pod',
      patch: { spec: { containers: [{ name: 'c', volumeDevices: [{ devicePath: '/dev/y', name: 'e' }] }] } },
      path: 'spec.containers.0.volumeDevices',
      want: [{ devicePath: '/dev/y', name: 'e' }, { name: 'd', devicePath: '/dev/x' }],
    },
    {
      name: 'kubectl debug adds an ephemeral container by name',
      doc: pod,
      kind: 'Pod',
      patch: { spec: { ephemeralContainers: [{ name: 'dbg2', image: 'busybox' }] } },
      path: 'spec.ephemeralContainers',
      want: [{ name: 'dbg2', image: 'busybox' }, { name: 'dbg', image: 'busybox' }],
    },
    { name: 'kubectl cordon sets unschedulable', doc: node, kind: 'Node', patch: { spec: { unschedulable: true } }, path: 'spec.unschedulable', want: true },
    { name: 'node taints are atomic', doc: node, kind: 'Node', patch: { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } }, path: 'spec.taints', want: [{ key: 'b', effect: 'NoExecute' }] },
    { name: 'node podCIDRs merge as a set', doc: node, kind: 'Node', patch: { spec: { podCIDRs: ['10.0.1.0/24'] } }, path: 'spec.podCIDRs', want: ['10.0.1.0/24', '10.0.0.0/24'] },
    {
      name: 'node addresses merge by type',
      doc: node,
      kind: 'Node',
      patch: { status: { addresses: [{ type: 'Hostname', address: 'n2' }] } },
      path: 'status.addresses',
      want: [
        { type: 'InternalIP', address: '1.2.3.4' },
        { type: 'Hostname', address: 'n2' },
      ],
    },
    {
      name: 'node conditions merge by type',
      doc: node,
      kind: 'Node',
      patch: { status: { '$setElementOrder/conditions': [{ type: 'Ready' }, { type: 'MemoryPressure' }, { type: 'DiskPressure' }], conditions: [{ type: 'DiskPressure', status: 'False' }] } },
      path: 'status.conditions',
      want: [
        { type: 'Ready', status: 'True' },
        { type: 'MemoryPressure', status: 'False' },
        { type: 'DiskPressure', status: 'False' },
      ],
    },
    {
      name: 'service ports merge by port',
      doc: service,
      kind: 'Service',
      patch: { spec: { ports: [{ port: 443, targetPort: 8443 }] } },
      path: 'spec.ports',
      want: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'https', port: 443, targetPort: 8443 }],
    },
    { name: 'service ports delete by port', doc: service, kind: 'Service', patch: { spec: { ports: [{ port: 80, $patch: 'delete' }] } }, path: 'spec.ports', want: [{ name: 'https', port: 443 }] },
    {
      name: "a CronJob's pod spec is at spec.jobTemplate.spec.template.spec",
      doc: cronJob,
      kind: 'CronJob',
      patch: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', env: [{ name: 'F', value: '2' }] }] } } } } } },
      path: 'spec.jobTemplate.spec.template.spec.containers.0.env',
      want: [{ name: 'F', value: '2' }, { name: 'E', value: '1' }],
    },
    { name: 'an unknown kind replaces lists', doc: widget, kind: 'Widget', patch: { spec: { items: [{ name: 'y' }] } }, path: 'spec.items', want: [{ name: 'y' }] },
    { name: 'an unknown kind replaces even finalizers', doc: widget, kind: 'Widget', patch: { metadata: { finalizers: ['b'] } }, path: 'metadata.finalizers', want: ['b'] },
    { name: 'an unknown kind still merges objects', doc: widget, kind: 'Widget', patch: { spec: { opts: { b: 2 } } }, path: 'spec.opts', want: { a: 1, b: 2 } },
  ];
  it.each(cases)('$name', ({ doc, kind, patch, path, want }) => {
    expect(at(applyStrategicMergePatch(doc, patch, kind), path)).toEqual(want);
  });
});
