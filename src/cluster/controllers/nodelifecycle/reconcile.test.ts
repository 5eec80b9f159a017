import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import { evictionDecision, minTolerationMs, tolerates, type Toleration } from './eviction';
import { noExecuteDecision, noScheduleTaintDiff, podNotReadyStatus, swapTaints, tryUpdateNodeHealth, type Taint } from './reconcile';
import { computeZoneState, handleDisruption, TokenBucket, zoneQps } from './zones';

const T0 = Date.UTC(2025, 0, 1);
const cfg = { nodeMonitorGracePeriodMs: 50_000, nodeStartupGracePeriodMs: 60_000 };
const s = (ms: number) => rfc3339(T0 + ms);
const node = (conds: Record<string, string> | null, extra: Partial<KObject> = {}): KObject => ({
  metadata: { name: 'n', creationTimestamp: s(0) },
  spec: {},
  status: conds ? { conditions: Object.entries(conds).map(([type, status]) => ({ type, status, lastHeartbeatTime: s(0), lastTransitionTime: s(0) })) } : {},
  ...extra,
});
const lease = (ms: number): KObject => ({ metadata: { name: 'n' }, spec: { renewTime: s(ms) } });

describe('tryUpdateNodeHealth', () => {
  const ready = { Ready: 'True', MemoryPressure: 'False', DiskPressure: 'False', PIDPressure: 'False' };
  it('starts the grace period when a node is first seen', () => {
    const r = tryUpdateNodeHealth(node(ready), undefined, undefined, T0 + 5_000, cfg);
    expect(r.health.probeTimestamp).toBe(T0 + 5_000);
    expect(r.conditions).toBeUndefined();
  });
  it('leaves a node alone within the 50 s grace period', () => {
    const first = tryUpdateNodeHealth(node(ready), undefined, undefined, T0, cfg).health;
    expect(tryUpdateNodeHealth(node(ready), first, undefined, T0 + 50_000, cfg).conditions).toBeUndefined();
  });
  it('sets Ready and the pressure conditions Unknown once no heartbeat came for more than 50 s', () => {
    const first = tryUpdateNodeHealth(node(ready), undefined, undefined, T0, cfg).health;
    const r = tryUpdateNodeHealth(node(ready), first, undefined, T0 + 55_000, cfg);
    expect(r.conditions!.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])).toEqual([
      ['Ready', 'Unknown', 'NodeStatusUnknown', s(55_000)],
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown', s(55_000)],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown', s(55_000)],
      ['PIDPressure', 'Unknown', 'NodeStatusUnknown', s(55_000)],
    ]);
    expect(r.conditions![0].message).toBe('Kubelet stopped posting node status.');
    expect(r.conditions![0].lastHeartbeatTime).toBe(s(0));
    expect([r.observed.status, r.current!.status]).toEqual(['True', 'Unknown']);
  });
  it('counts a renewed Lease as a heartbeat', () => {
    const first = tryUpdateNodeHealth(node(ready), undefined, lease(0), T0, cfg).health;
    const later = tryUpdateNodeHealth(node(ready), first, lease(40_000), T0 + 40_000, cfg).health;
    expect(tryUpdateNodeHealth(node(ready), later, lease(40_000), T0 + 85_000, cfg).conditions).toBeUndefined();
  });
  it('counts a new Ready lastHeartbeatTime as a heartbeat', () => {
    const first = tryUpdateNodeHealth(node(ready), undefined, undefined, T0, cfg).health;
    const n = node(ready);
    n.status.conditions[0].lastHeartbeatTime = s(40_000);
    const later = tryUpdateNodeHealth(n, first, undefined, T0 + 40_000, cfg).health;
    expect(later.probeTimestamp).toBe(T0 + 40_000);
  });
  it('gives a node that never posted status the 60 s startup grace period, then NodeStatusNeverUpdated', () => {
    const n = node(null);
    const first = tryUpdateNodeHealth(n, undefined, undefined, T0, cfg).health;
    expect(tryUpdateNodeHealth(n, first, undefined, T0 + 60_000, cfg).conditions).toBeUndefined();
    const r = tryUpdateNodeHealth(n, first, undefined, T0 + 61_000, cfg);
    expect(r.conditions![0]).toMatchObject({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
  });
});

describe('node taints', () => {
  const cases: { name: string; node: KObject; add: string[]; remove: string[] }[] = [
    { name: 'Ready=False → not-ready:NoSchedule', node: node({ Ready: 'False' }), add: ['node.kubernetes.io/not-ready'], remove: [] },
    { name: 'Ready=Unknown → unreachable:NoSchedule', node: node({ Ready: 'Unknown' }), add: ['node.kubernetes.io/unreachable'], remove: [] },
    { name: 'MemoryPressure=True → memory-pressure:NoSchedule', node: node({ Ready: 'True', MemoryPressure: 'True' }), add: ['node.kubernetes.io/memory-pressure'], remove: [] },
    { name: 'DiskPressure and PIDPressure likewise', node: node({ DiskPressure: 'True', PIDPressure: 'True' }), add: ['node.kubernetes.io/disk-pressure', 'node.kubernetes.io/pid-pressure'], remove: [] },
    { name: 'spec.unschedulable (cordon) → unschedulable:NoSchedule', node: node({ Ready: 'True' }, { spec: { unschedulable: true } }), add: ['node.kubernetes.io/unschedulable'], remove: [] },
    {
      name: 'condition taints that no longer apply are removed; other taints are left alone',
      node: node({ Ready: 'True' }, { spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }),
      add: [],
      remove: ['node.kubernetes.io/not-ready'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const d = noScheduleTaintDiff(c.node);
      expect([d.add.map((t) => t.key), d.remove.map((t) => t.key)]).toEqual([c.add, c.remove]);
    });

  it('swapTaints stamps added taints with timeAdded and replaces same key+effect', () => {
    const have: Taint[] = [{ key: 'a', effect: 'NoExecute' }, { key: 'x', effect: 'NoSchedule' }];
    expect(swapTaints(have, [{ key: 'b', effect: 'NoExecute' }], [{ key: 'a', effect: 'NoExecute' }], 'T')).toEqual([
      { key: 'x', effect: 'NoSchedule' },
      { key: 'b', effect: 'NoExecute', timeAdded: 'T' },
    ]);
    expect(swapTaints(have, [{ key: 'x', effect: 'NoSchedule' }], [], 'T')).toBeUndefined();
  });

  const ne = (key: string): Taint => ({ key: `node.kubernetes.io/${key}`, effect: 'NoExecute' });
  const decisions: [string, string, Taint[], string][] = [
    ['not ready and untainted: queue for the rate-limited tainter', 'False', [], 'queue'],
    ['unknown and untainted: queue', 'Unknown', [], 'queue'],
    ['not ready but tainted unreachable: swap at once', 'False', [ne('unreachable')], 'swapToNotReady'],
    ['unknown but tainted not-ready: swap at once', 'Unknown', [ne('not-ready')], 'swapToUnreachable'],
    ['ready again: remove NoExecute taints', 'True', [ne('unreachable')], 'markReachable'],
    ['ready and untainted: nothing', 'True', [], 'none'],
  ];
  for (const [name, status, taints, want] of decisions) it(`NoExecute: ${name}`, () => expect(noExecuteDecision(status, taints)).toBe(want));

  it('marks a Ready pod not ready, once', () => {
    const pod: KObject = { metadata: {}, status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'old' }] } };
    const st = podNotReadyStatus(pod, 'now')!;
    expect(st.conditions).toEqual([{ type: 'Ready', status: 'False', lastTransitionTime: 'now' }]);
    expect(podNotReadyStatus({ ...pod, status: st }, 'later')).toBeUndefined();
  });
});

describe('zones and eviction rate', () => {
  const c = (status: string) => ({ type: 'Ready', status });
  const states: [string, string[], string][] = [
    ['all ready: Normal', ['True', 'True'], 'Normal'],
    ['none ready: FullDisruption', ['Unknown', 'False'], 'FullDisruption'],
    ['2 of 3 not ready: still Normal (needs more than 2)', ['True', 'False', 'False'], 'Normal'],
    ['3 of 5 not ready (60% ≥ 55%): PartialDisruption', ['True', 'True', 'False', 'False', 'Unknown'], 'PartialDisruption'],
    ['3 of 6 not ready (50%): Normal', ['True', 'True', 'True', 'False', 'False', 'False'], 'Normal'],
  ];
  for (const [name, conds, want] of states) it(name, () => expect(computeZoneState(conds.map(c)).state).toBe(want));

  it('partial disruption slows small zones to a stop and large ones to 0.01/s', () => {
    expect([zoneQps('PartialDisruption', 50), zoneQps('PartialDisruption', 51), zoneQps('Normal', 3), zoneQps('FullDisruption', 3)]).toEqual([0, 0.01, 0.1, 0.1]);
  });

  it('when every zone is fully disrupted, lifts NoExecute taints and stops tainting', () => {
    const r = handleDisruption(new Map([['a', 'Normal'], ['b', 'Normal']]), new Map([['a', [c('Unknown')]], ['b', [c('Unknown')]]]));
    expect(r.markAllReachable).toBe(true);
    expect([...r.qps.values()]).toEqual([0, 0]);
  });

  it('leaving full disruption restarts every grace period and restores rates', () => {
    const r = handleDisruption(new Map([['a', 'FullDisruption'], ['b', 'FullDisruption']]), new Map([['a', [c('True')]], ['b', [c('Unknown')]]]));
    expect(r.resetProbes).toBe(true);
    expect(Object.fromEntries(r.qps)).toEqual({ a: 0.1, b: 0.1 });
  });

  it('a token bucket at 0.1/s lets one node through every 10 s', () => {
    const b = new TokenBucket(0.1, 0);
    expect([b.tryAccept(0), b.tryAccept(5_000), b.tryAccept(10_000)]).toEqual([true, false, true]);
    expect(b.waitMs(12_000)).toBe(8_000);
  });
});

describe('taint-based eviction', () => {
  const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  const pod = (tolerations: Toleration[]): KObject => ({ metadata: { name: 'p' }, spec: { tolerations } });
  it('Exists tolerates any value; Equal needs the value', () => {
    expect(tolerates({ key: 'k', operator: 'Exists' }, { key: 'k', value: 'v', effect: 'NoExecute' })).toBe(true);
    expect(tolerates({ key: 'k', value: 'w' }, { key: 'k', value: 'v', effect: 'NoExecute' })).toBe(false);
    expect(tolerates({ operator: 'Exists' }, unreachable)).toBe(true);
  });
  it('the shortest tolerationSeconds wins; none means forever; 0 or less means now', () => {
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }])).toBe(60_000);
    expect(minTolerationMs([{}])).toBe(-1);
    expect(minTolerationMs([{ tolerationSeconds: -5 }])).toBe(0);
  });
  const tol300: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  const cases: [string, KObject, Taint[], unknown][] = [
    ['no NoExecute taints: cancel', pod([]), [], { type: 'cancel' }],
    ['untolerated taint: evict now', pod([]), [unreachable], { type: 'schedule', eviction: { createdAt: 1000, at: 1000 } }],
    ['tolerated for 300 s: evict in 300 s', pod([tol300]), [unreachable], { type: 'schedule', eviction: { createdAt: 1000, at: 301_000 } }],
    ['tolerated forever: cancel', pod([{ operator: 'Exists' }]), [unreachable], { type: 'cancel' }],
  ];
  for (const [name, p, taints, want] of cases) it(name, () => expect(evictionDecision(p, taints, undefined, 1000)).toEqual(want));
  it('an eviction scheduled in an earlier pass keeps its deadline', () => {
    expect(evictionDecision(pod([tol300]), [unreachable], { createdAt: 0, at: 300_000 }, 5000)).toEqual({ type: 'keep' });
  });
});
