import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { deletesBefore, podsToDelete, rankPodsForDeletion, POD_DELETION_COST } from './ranking';

const NOW = Date.UTC(2025, 0, 2);
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface P {
  name?: string;
  node?: string;
  phase?: string;
  ready?: string;
  cost?: number;
  restarts?: number;
  sidecarRestarts?: number;
  created?: string;
}

function pod(p: P): KObject {
  const name = p.name ?? 'p';
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: p.created ?? ago(3600_000),
      ...(p.cost !== undefined ? { annotations: { [POD_DELETION_COST]: String(p.cost) } } : {}),
    },
    spec: {
      nodeName: p.node,
      containers: [{ name: 'c' }],
      initContainers: [{ name: 'side', restartPolicy: 'Always' }],
    },
    status: {
      phase: p.phase ?? 'Running',
      conditions: p.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: p.ready }] : [],
      containerStatuses: [{ name: 'c', restartCount: p.restarts ?? 0 }],
      initContainerStatuses: [{ name: 'side', restartCount: p.sidecarRestarts ?? 0 }],
    },
  };
}

const node = 'worker-1';
const ready = ago(3600_000);

describe('ActivePodsWithRanks.Less: which of two pods is deleted first', () => {
  it.each<[string, P, P, number?, number?]>([
    ['an unassigned pod before an assigned one', { phase: 'Pending' }, { node, phase: 'Pending' }],
    ['Pending before Unknown', { node, phase: 'Pending' }, { node, phase: 'Unknown' }],
    ['Unknown before Running', { node, phase: 'Unknown' }, { node, phase: 'Running' }],
    ['not ready before ready', { node }, { node, ready }],
    ['a lower pod-deletion-cost first', { node, ready, cost: -5 }, { node, ready, cost: 0 }],
    ['deletion cost beats being doubled up', { node, ready, cost: 1 }, { node, ready, cost: 2 }, 1, 3],
    ['a pod doubled up with more related pods on its node first', { node, ready }, { node, ready }, 3, 1],
    ['more recently ready first (log2 scale: 1 min vs 1 h)', { node, ready: ago(60_000) }, { node, ready: ago(3600_000) }],
    ['more container restarts first', { node, ready, restarts: 3 }, { node, ready, restarts: 1 }],
    ['more sidecar restarts first when regular restarts tie', { node, ready, sidecarRestarts: 2 }, { node, ready }],
    ['a newer pod first (log2 scale: 1 min vs 1 h)', { node, ready, created: ago(60_000) }, { node, ready, created: ago(3600_000) }],
    ['a pod without creation time first', { node, ready, created: '' }, { node, ready }],
  ])('%s', (_n, a, b, rankA = 0, rankB = 0) => {
    const pa = { pod: pod({ ...a, name: 'a' }), rank: rankA };
    const pb = { pod: pod({ ...b, name: 'b' }), rank: rankB };
    expect(deletesBefore(pa, pb, NOW)).toBe(true);
    expect(deletesBefore(pb, pa, NOW)).toBe(false);
  });

  it('ready times in the same power-of-two bucket tie, and the lower UID goes first', () => {
    // 40 and 50 minutes ago are both within [2^41, 2^42) nanoseconds.
    const a = { pod: pod({ name: 'b', node, ready: ago(40 * 60_000) }), rank: 0 };
    const b = { pod: pod({ name: 'a', node, ready: ago(50 * 60_000) }), rank: 0 };
    expect(deletesBefore(b, a, NOW)).toBe(true);
    expect(deletesBefore(a, b, NOW)).toBe(false);
  });
});

describe('podsToDelete (getPodsToDelete)', () => {
  it('ranks by pods of the owner family on the same node ("doubled up" first)', () => {
    const lonely = pod({ name: 'lonely', node: 'w1', ready });
    const crowded = pod({ name: 'crowded', node: 'w2', ready });
    const related = [lonely, crowded, pod({ name: 'sibling', node: 'w2' }), pod({ name: 'cousin', node: 'w2' })];
    expect(podsToDelete([lonely, crowded], related, 1, NOW).map((p) => p.metadata.name)).toEqual(['crowded']);
  });

  it('counts only active related pods towards the rank', () => {
    const a = pod({ name: 'a', node: 'w1', ready });
    const b = pod({ name: 'b', node: 'w2', ready, created: ago(2 * 3600_000) });
    const gone = { ...pod({ name: 'gone', node: 'w1' }), status: { phase: 'Succeeded' } };
    // Equal ranks, so the newer pod (a) goes first despite the terminated pod on w1.
    expect(rankPodsForDeletion([b, a], [a, b, gone], NOW).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });

  it('takes every pod, unsorted, when all of them go', () => {
    const pods = [pod({ name: 'x', node, ready }), pod({ name: 'y' })];
    expect(podsToDelete(pods, pods, 2, NOW).map((p) => p.metadata.name)).toEqual(['x', 'y']);
  });
});
