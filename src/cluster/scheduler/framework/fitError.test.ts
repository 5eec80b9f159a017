import { describe, expect, it } from 'vitest';
import { fitErrorMessage, newDiagnosis } from './fitError';
import { Code, Status } from './types';

const taint = new Status(Code.UnschedulableAndUnresolvable, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
const cpu = new Status(Code.Unschedulable, ['Insufficient cpu']);
const cpuMem = new Status(Code.Unschedulable, ['Insufficient cpu', 'Insufficient memory']);

describe('FitError message', () => {
  it.each([
    {
      name: 'counts reasons per node and sorts the "<count> <reason>" strings',
      statuses: { cp: taint, w1: cpu, w2: cpu, w3: cpu },
      all: 4,
      pre: '',
      post: '',
      want: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.',
    },
    {
      name: 'a node with several reasons counts under each',
      statuses: { w1: cpuMem, w2: cpu },
      all: 2,
      pre: '',
      post: '',
      want: '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.',
    },
    {
      name: 'the PostFilter message follows after a space',
      statuses: { cp: taint, w1: cpu },
      all: 2,
      pre: '',
      post: 'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
      want: '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    },
    {
      name: 'a PreFilter rejection replaces the histogram',
      statuses: {},
      all: 3,
      pre: 'pod has unbound immediate PersistentVolumeClaims',
      post: 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      want: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    },
  ])('$name', ({ statuses, all, pre, post, want }) => {
    const d = newDiagnosis();
    for (const [n, s] of Object.entries(statuses)) d.nodeToStatus.set(n, s);
    d.preFilterMsg = pre;
    d.postFilterMsg = post;
    expect(fitErrorMessage(all, d)).toBe(want);
  });

  it('nodes never evaluated count under the absent-node status', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('n1', cpu);
    d.nodeToStatus.absent = new Status(Code.UnschedulableAndUnresolvable, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]);
    expect(fitErrorMessage(3, d)).toBe("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
});
