import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { nodes } from './node';
import { coreServer, mutable } from './testkit';

const node = (spec: KObject['spec'] = {}, extra: Partial<KObject> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1', ...(extra.metadata ?? {}) },
  spec,
  ...(extra.status ? { status: extra.status } : {}),
});

describe('Node validation', () => {
  it.each<[string, KObject['spec'], string]>([
    ['accepts a NoSchedule taint', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }, ''],
    [
      'refuses an unknown taint effect (reported under metadata, as upstream does)',
      { taints: [{ key: 'dedicated', effect: 'NoRun' }] },
      'Node "node-1" is invalid: metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
    ['requires a taint effect', { taints: [{ key: 'dedicated' }] }, 'Node "node-1" is invalid: metadata.taints[0].effect: Required value'],
    [
      'refuses a duplicate key/effect pair',
      { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }] },
      'Node "node-1" is invalid: metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"x", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
    ],
    [
      'refuses a bad taint value',
      { taints: [{ key: 'a', value: 'b c', effect: 'NoSchedule' }] },
      "Node \"node-1\" is invalid: metadata.taints[0].value: Invalid value: \"b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    [
      'refuses a malformed pod CIDR',
      { podCIDR: '10.244.1.0' },
      'Node "node-1" is invalid: spec.podCIDRs[0]: Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ],
    [
      'refuses two pod CIDRs of one family',
      { podCIDRs: ['10.244.1.0/24', '10.244.2.0/24'] },
      'Node "node-1" is invalid: spec.podCIDRs: Invalid value: []string{"10.244.1.0/24", "10.244.2.0/24"}: may specify no more than one CIDR for each IP family',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(node(spec)))).toBe(message);
  });

  it('mirrors podCIDR into podCIDRs and allows setting it once', () => {
    const { create, update, errorOf } = coreServer();
    const n = create(node({ podCIDR: '10.244.1.0/24' }));
    expect(n.spec.podCIDRs).toEqual(['10.244.1.0/24']);
    const changed = mutable(n);
    changed.spec = { podCIDR: '10.244.9.0/24', podCIDRs: ['10.244.9.0/24'] };
    expect(errorOf(() => update(changed))).toBe(
      'Node "node-1" is invalid: spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    );
  });

  it('copies capacity into a missing allocatable', () => {
    const { create } = coreServer();
    const n = create(node({}, { status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } } } as Partial<KObject>));
    expect(n.status.allocatable).toEqual({ cpu: '4', memory: '8Gi', pods: '110' });
  });
});

describe('Node table', () => {
  const ready = (status: string) => ({ conditions: [{ type: 'Ready', status }], nodeInfo: { kubeletVersion: 'v1.32.4' } });
  it.each<[string, KObject, unknown[]]>([
    [
      'a ready control-plane node',
      { metadata: { name: 'cp', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: {}, status: ready('True') },
      ['cp', 'Ready', 'control-plane', '5s', 'v1.32.4', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    ],
    [
      'a cordoned node whose kubelet stopped reporting',
      { metadata: { name: 'w1', labels: { 'kubernetes.io/role': 'worker' } }, spec: { unschedulable: true }, status: ready('Unknown') },
      ['w1', 'NotReady,SchedulingDisabled', 'worker', '5s', 'v1.32.4', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    ],
    [
      'a node without conditions, with addresses and system info',
      {
        metadata: { name: 'n' },
        spec: {},
        status: {
          addresses: [{ type: 'InternalIP', address: '10.0.0.11' }, { type: 'Hostname', address: 'n' }],
          nodeInfo: { kubeletVersion: 'v1.32.4', osImage: 'Ubuntu 24.04 LTS', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://1.7.24' },
        },
      },
      ['n', 'Unknown', '<none>', '5s', 'v1.32.4', '10.0.0.11', '<none>', 'Ubuntu 24.04 LTS', '6.8.0', 'containerd://1.7.24'],
    ],
  ])('prints %s', (_n, o, cells) => {
    const now = Date.parse('2025-01-01T00:00:05Z');
    expect(nodes.row!({ ...o, metadata: { ...o.metadata, creationTimestamp: '2025-01-01T00:00:00Z' } }, now)).toEqual(cells);
  });

  it('selects nodes by spec.unschedulable', () => {
    expect([nodes.fieldSelectors!['spec.unschedulable']!(node({ unschedulable: true })), nodes.fieldSelectors!['spec.unschedulable']!(node())]).toEqual([
      'true',
      'false',
    ]);
  });
});
