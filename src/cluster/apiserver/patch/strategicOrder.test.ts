import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategic';
import { normalizeElementOrder, validatePatchWithSetOrderList } from './strategicOrder';

/** Pods whose containers are named by these strings (an `x` marks a container only the server has). */
const podWith = (containers: string[]) => ({
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: containers.map((name) => ({ name, image: 'i' })) },
});
const named = (names: string[]) => names.map((name) => ({ name }));
const containerNames = (pod: Record<string, unknown>) =>
  ((pod.spec as { containers: { name: string }[] }).containers ?? []).map((c) => c.name);

describe('$setElementOrder interleaves server-only items where the live list had them', () => {
  // Live lists and patches follow the "set elements order" cases of apimachinery's patch_test.go.
  const cases: { name: string; live: string[]; order: string[]; patch?: string[]; want: string[] }[] = [
    { name: 'reordering with one server-only item at the end', live: ['1', '3', '4', '2', 'x9'], order: ['4', '2', '3', '1'], want: ['4', '2', '3', '1', 'x9'] },
    { name: 'a server-only item stays after its live predecessor', live: ['1', '2', 'x9', '3', '4'], order: ['2', '1', '4', '3'], want: ['2', '1', 'x9', '4', '3'] },
    { name: 'a run of server-only items moves as a block', live: ['1', '2', 'x7', 'x9', 'x8', '3', '4'], order: ['2', '1', '4', '3'], want: ['2', '1', 'x7', 'x9', 'x8', '4', '3'] },
    { name: 'new items go where the order says', live: ['1', '2'], order: ['1', '4', '2', '3'], patch: ['4', '3'], want: ['1', '4', '2', '3'] },
    { name: 'a new first item precedes everything', live: ['1', '2'], order: ['3', '1', '2'], patch: ['3'], want: ['3', '1', '2'] },
  ];
  it.each(cases)('$name', ({ live, order, patch, want }) => {
    const spec: Record<string, unknown> = { '$setElementOrder/containers': named(order) };
    if (patch) spec.containers = patch.map((name) => ({ name, image: 'n' }));
    const body = { spec };
    expect(containerNames(applyStrategicMergePatch(podWith(live), body, 'Pod'))).toEqual(want);
  });

  const primitives: { name: string; live: string[]; order: string[]; patch: string[]; want: string[] }[] = [
    { name: 'a finalizer added first keeps server-only ones after their predecessors', live: ['1', '4', '2'], order: ['3', '1', '2'], patch: ['3'], want: ['3', '1', '4', '2'] },
    { name: 'a finalizer appended by order lands before a later server-only one', live: ['1', '2', '4'], order: ['1', '2', '3'], patch: ['3'], want: ['1', '2', '3', '4'] },
  ];
  it.each(primitives)('$name', ({ live, order, patch, want }) => {
    const doc = { kind: 'Pod', metadata: { name: 'p', finalizers: live } };
    const out = applyStrategicMergePatch(doc, { metadata: { '$setElementOrder/finalizers': order, finalizers: patch } }, 'Pod');
    expect((out.metadata as { finalizers: string[] }).finalizers).toEqual(want);
  });
});

describe('normalizeElementOrder', () => {
  it('sorts patch items by the patch order and server items by the live order, then interleaves', () => {
    expect(normalizeElementOrder(['z', 'a'], ['c', 'b'], ['a', 'z'], ['a', 'b', 'c', 'z'], '')).toEqual(['a', 'b', 'c', 'z']);
  });
  it('takes a patch item the live list lacks before any remaining server item', () => {
    expect(normalizeElementOrder(['c', 'a'], ['z', 'b'], ['a', 'c'], ['a', 'b', 'z'], '')).toEqual(['a', 'c', 'b', 'z']);
  });
  it('keeps $patch: delete items at the end of the patch items', () => {
    const out = normalizeElementOrder([{ name: 'b', $patch: 'delete' }, { name: 'a' }], [], named(['a', 'b']), [], 'name');
    expect(out).toEqual([{ name: 'a' }, { name: 'b', $patch: 'delete' }]);
  });
});

describe('validatePatchWithSetOrderList', () => {
  const cases: { name: string; patch: unknown[]; order: unknown[]; mergeKey: string; ok: boolean }[] = [
    { name: 'accepts a patch list in the same relative order', patch: named(['a', 'c']), order: named(['a', 'b', 'c']), mergeKey: 'name', ok: true },
    { name: 'ignores deletions', patch: [{ name: 'z', $patch: 'delete' }, { name: 'a' }], order: named(['a']), mergeKey: 'name', ok: true },
    { name: 'accepts an empty order', patch: named(['a']), order: [], mergeKey: 'name', ok: true },
    { name: 'rejects a patch list out of order', patch: named(['c', 'a']), order: named(['a', 'c']), mergeKey: 'name', ok: false },
    { name: 'rejects items absent from the order', patch: named(['q']), order: named(['a']), mergeKey: 'name', ok: false },
    { name: 'compares primitives by value', patch: ['b'], order: ['a', 'b'], mergeKey: '', ok: true },
  ];
  it.each(cases)('$name', ({ patch, order, mergeKey, ok }) => {
    const run = () => validatePatchWithSetOrderList(patch, order, mergeKey);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow("doesn't match $setElementOrder list");
  });
});
