import { describe, expect, it } from 'vitest';
import type { NodeView, PodView } from '../../protocol/views';
import { emptyMirror, type MirrorState } from '../bridge/mirrorState';
import { boardModel } from './model';

const node = (name: string) => ({ kind: 'Node', uid: `n-${name}`, name, rv: 1 }) as unknown as NodeView;
const pod = (i: number, nodeName: string | undefined, app: string) =>
  ({ kind: 'Pod', uid: `p${i}`, name: `${app}-${String(i).padStart(4, '0')}`, namespace: 'default', node: nodeName, created: 1000 + (i % 37), workload: { kind: 'Deployment', name: app, namespace: 'default' } }) as unknown as PodView;

function mirrorOf(pods: PodView[]): MirrorState {
  const m = emptyMirror();
  return { ...m, nodes: new Map(['w1', 'w2'].map((n) => [`n-${n}`, node(n)])), pods: new Map(pods.map((p) => [p.uid, p])) };
}

/** The order a full sort gives: workload first seen, then creation time, then name. */
function fullOrder(list: PodView[], ranks: Map<string, number>): string[] {
  return [...list]
    .sort((a, b) => ranks.get(a.workload!.name)! - ranks.get(b.workload!.name)! || a.created - b.created || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => p.uid);
}

describe('board model', () => {
  it('keeps pods in workload, age and name order as a burst arrives batch by batch', () => {
    const all: PodView[] = [];
    for (let i = 0; i < 400; i++) all.push(pod(i, i % 5 === 0 ? undefined : i % 2 ? 'w1' : 'w2', i % 3 ? 'web' : 'api'));
    let model = boardModel(mirrorOf(all.slice(0, 40)));
    // Workloads rank in the order the model first met them: the first pod on w1 tells which came first.
    const first = model.podsByNode.get('w1')![0].workload!.name;
    const ranks = new Map([
      [first, 0],
      [first === 'web' ? 'api' : 'web', 1],
    ]);
    for (let n = 80; n <= 400; n += 40) {
      // Some pods leave, some change (a new view object), the rest stay.
      const pods = all.slice(0, n).filter((p) => Number(p.uid.slice(1)) % 11 !== n % 11).map((p) => (Number(p.uid.slice(1)) % 7 === 0 ? { ...p } : p));
      model = boardModel(mirrorOf(pods));
      for (const name of ['w1', 'w2']) {
        const got = model.podsByNode.get(name)!;
        expect(got.map((p) => p.uid)).toEqual(fullOrder(pods.filter((p) => p.node === name), ranks));
        expect(got.every((p) => pods.includes(p))).toBe(true);
      }
      expect(model.pending.map((p) => p.uid)).toEqual(fullOrder(pods.filter((p) => !p.node), ranks));
    }
  });
});
