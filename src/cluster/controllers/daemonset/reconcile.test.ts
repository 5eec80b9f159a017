import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { mkPod } from '../job/testkit';
import { computeHash } from './history';
import { nodeShouldRunDaemonPod, pinToNode, requiredAffinityMatches, targetNodeName } from './predicates';
import { reconcileDaemonSet, type DsPlan } from './reconcile';
import { computeDsStatus, statusUpdate } from './status';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const T0 = Date.UTC(2025, 0, 1);
const OWNER = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid' };

function node(name: string, o: { labels?: Json; taints?: Json[] } = {}): KObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } }, spec: o.taints ? { taints: o.taints } : {} };
}

function ds(podSpec: Json = {}, spec: Json = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'ds-uid', generation: 1, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'a' }], ...podSpec } },
      ...spec,
    },
    status: {},
  };
}

/** A daemon pod on `nodeName`, at revision `hash`, ready unless told otherwise. */
const dpod = (name: string, nodeName: string, hash: string, o: { ready?: boolean; phase?: string; created?: string } = {}) =>
  mkPod({ name, node: nodeName, owner: OWNER, phase: o.phase ?? 'Running', ready: o.ready ?? true, created: o.created, labels: { app: 'agent', 'controller-revision-hash': hash } });

const CP = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
const W = ['w1', 'w2', 'w3'].map((n) => node(n));
const run = (d: KObject, nodes: KObject[], pods: KObject[], hash = 'h2'): DsPlan =>
  reconcileDaemonSet({ ds: d, nodes, pods, hash, now: T0 + 60_000, backoff: { get: () => undefined } });
const names = (p: DsPlan) => ({ creates: p.creates, deletes: p.deletes.map((x) => x.metadata.name) });

describe('nodeShouldRunDaemonPod', () => {
  it.each([
    ['an untainted node', node('n'), {}, [true, true]],
    ['a NoSchedule control-plane taint without a toleration: no new pod, an existing one stays', CP, {}, [false, true]],
    ['the control-plane taint tolerated', CP, { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }, [true, true]],
    ['a NoExecute taint not tolerated: nothing runs', node('n', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }), {}, [false, false]],
    ['a NoSchedule taint: no new pod, but an existing one may stay', node('n', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }), {}, [false, true]],
    ['not-ready NoExecute is tolerated by every daemon pod', node('n', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }), {}, [true, true]],
    ['cordoned (unschedulable taint) is tolerated', node('n', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), {}, [true, true]],
    ['network-unavailable is tolerated only with hostNetwork', node('n', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), {}, [false, true]],
    ['network-unavailable with hostNetwork', node('n', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), { hostNetwork: true }, [true, true]],
    ['a nodeSelector that does not match', node('n'), { nodeSelector: { disk: 'ssd' } }, [false, false]],
    ['a nodeSelector that matches', node('n', { labels: { disk: 'ssd' } }), { nodeSelector: { disk: 'ssd' } }, [true, true]],
    ['spec.nodeName naming another node', node('n'), { nodeName: 'other' }, [false, false]],
    ['an Exists toleration without key tolerates everything', CP, { tolerations: [{ operator: 'Exists' }] }, [true, true]],
  ])('%s → %j', (_name, n, podSpec, want) => {
    expect(nodeShouldRunDaemonPod(n, ds(podSpec))).toEqual(want);
  });

  it.each([
    ['In matches the label value', { key: 'zone', operator: 'In', values: ['a', 'b'] }, { zone: 'b' }, true],
    ['NotIn matches a missing label', { key: 'zone', operator: 'NotIn', values: ['a'] }, {}, true],
    ['DoesNotExist fails when the label is set', { key: 'zone', operator: 'DoesNotExist' }, { zone: 'a' }, false],
    ['Gt compares integers', { key: 'cores', operator: 'Gt', values: ['4'] }, { cores: '8' }, true],
    ['Lt fails on non-integers', { key: 'cores', operator: 'Lt', values: ['4'] }, { cores: 'x' }, false],
  ])('required node affinity: %s', (_n, expr, labels, want) => {
    const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr] }] } } } };
    expect(requiredAffinityMatches(spec, node('n', { labels }))).toBe(want);
  });

  it('pins a pod to its node, replacing the required terms and keeping preferences', () => {
    const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }];
    const a = pinToNode({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }] }, preferredDuringSchedulingIgnoredDuringExecution: preferred } }, 'w1');
    expect(a.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1'] }] }] },
      preferredDuringSchedulingIgnoredDuringExecution: preferred,
    });
    expect(targetNodeName({ metadata: {}, spec: { affinity: a } })).toBe('w1');
  });
});

describe('reconcileDaemonSet', () => {
  it.each([
    { name: 'creates a pod for each eligible node, none on the tainted control-plane', pods: [], want: { creates: ['w1', 'w2', 'w3'], deletes: [] } },
    { name: 'nothing to do when every node has an up-to-date pod', pods: [dpod('a', 'w1', 'h2'), dpod('b', 'w2', 'h2'), dpod('c', 'w3', 'h2')], want: { creates: [], deletes: [] } },
    { name: 'two pods on one node: the newer one goes', pods: [dpod('old', 'w1', 'h2', { created: '2025-01-01T00:00:00Z' }), dpod('new', 'w1', 'h2', { created: '2025-01-01T00:00:09Z' }), dpod('b', 'w2', 'h2'), dpod('c', 'w3', 'h2')], want: { creates: [], deletes: ['new'] } },
    { name: 'a pod already on a NoSchedule-tainted node may stay', pods: [dpod('x', 'cp', 'h2'), dpod('a', 'w1', 'h2'), dpod('b', 'w2', 'h2'), dpod('c', 'w3', 'h2')], want: { creates: [], deletes: [] } },
    { name: 'rolling update replaces one available old pod at a time', pods: [dpod('a', 'w1', 'h1'), dpod('b', 'w2', 'h1'), dpod('c', 'w3', 'h1')], want: { creates: [], deletes: ['a'] } },
    { name: 'rolling update waits while an updated pod is not yet available', pods: [dpod('a', 'w1', 'h2', { ready: false }), dpod('b', 'w2', 'h1'), dpod('c', 'w3', 'h1')], want: { creates: [], deletes: [] } },
    { name: 'an unavailable old pod is replaced regardless of maxUnavailable', pods: [dpod('a', 'w1', 'h2', { ready: false }), dpod('b', 'w2', 'h1', { ready: false }), dpod('c', 'w3', 'h1')], want: { creates: [], deletes: ['b'] } },
  ])('$name', ({ pods, want }) => {
    expect(names(run(ds(), [CP, ...W], pods))).toEqual(want);
  });

  it('deletes the pods on a node that no longer matches the nodeSelector', () => {
    const picky = ds({ nodeSelector: { disk: 'ssd' } });
    expect(names(run(picky, [node('w1', { labels: { disk: 'ssd' } }), node('w2')], [dpod('a', 'w1', 'h2'), dpod('b', 'w2', 'h2')]))).toEqual({ creates: [], deletes: ['b'] });
  });

  it('deletes a failed daemon pod with a FailedDaemonPod warning and bumps its back-off', () => {
    const p = run(ds(), W, [dpod('a', 'w1', 'h2', { phase: 'Failed' }), dpod('b', 'w2', 'h2'), dpod('c', 'w3', 'h2')]);
    expect(names(p)).toEqual({ creates: [], deletes: ['a'] });
    expect(p.events).toEqual([{ type: 'Warning', reason: 'FailedDaemonPod', message: 'Found failed daemon pod default/a on node w1, will try to kill it' }]);
    expect(p.backoffNext).toEqual(['ds-uid/0/w1']);
  });

  it('with maxSurge a new pod starts beside the old one, which goes once the new one is available', () => {
    const surge = ds({}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
    expect(names(run(surge, W, [dpod('a', 'w1', 'h1'), dpod('b', 'w2', 'h1'), dpod('c', 'w3', 'h1')]))).toEqual({ creates: ['w1'], deletes: [] });
    expect(names(run(surge, W, [dpod('a', 'w1', 'h1'), dpod('a2', 'w1', 'h2'), dpod('b', 'w2', 'h1'), dpod('c', 'w3', 'h1')]))).toEqual({ creates: [], deletes: ['a'] });
  });

  it('OnDelete does not replace old pods', () => {
    const od = ds({}, { updateStrategy: { type: 'OnDelete' } });
    expect(names(run(od, W, [dpod('a', 'w1', 'h1'), dpod('b', 'w2', 'h1'), dpod('c', 'w3', 'h1')]))).toEqual({ creates: [], deletes: [] });
  });

  it('counts desired, current, ready, available, updated and misscheduled pods', () => {
    const pods = [dpod('x', 'cp', 'h2'), dpod('a', 'w1', 'h2'), dpod('b', 'w2', 'h1', { ready: false })];
    const c = computeDsStatus(ds(), [CP, ...W], pods, 'h2', T0);
    expect(c).toEqual({ desiredNumberScheduled: 3, currentNumberScheduled: 2, numberMisscheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 2 });
    expect(statusUpdate(ds(), c)).toEqual({ observedGeneration: 1, ...c });
  });

  it('hashes templates into the safe alphabet, changing with the collision count', () => {
    const h = computeHash({ spec: {} });
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(computeHash({ spec: {} }, 1)).not.toBe(h);
  });
});
