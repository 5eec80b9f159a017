import { describe, expect, it } from 'vitest';
import { explainUnschedulable } from './plainWords';

describe('explainUnschedulable', () => {
  it('explains each counted reason and the preemption outcome', () => {
    const e = explainUnschedulable(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(e.total).toBe(4);
    expect(e.available).toBe(0);
    expect(e.reasons.map((r) => r.plain)).toEqual([
      '1 node is the control plane, which is tainted so ordinary pods stay off.',
      "3 nodes don't have enough unrequested CPU left for this pod's request.",
    ]);
    expect(e.preemption).toMatch(/would not help/);
  });

  it('keeps commas inside taints together and recognises unreachable nodes', () => {
    const e = explainUnschedulable('0/2 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.');
    expect(e.reasons).toHaveLength(1);
    expect(e.reasons[0].plain).toMatch(/unreachable/);
  });

  it('keeps an unknown reason verbatim', () => {
    expect(explainUnschedulable('0/1 nodes are available: 1 something new.').reasons[0].plain).toBe('something new');
  });
});
