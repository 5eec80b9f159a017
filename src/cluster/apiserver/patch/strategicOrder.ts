/**
 * Element order of merged lists in a strategic merge patch (apimachinery strategicpatch
 * `normalizeElementOrder`, `mergeSortedSlice`, `validatePatchWithSetOrderList`). Items named by
 * the patch (or its `$setElementOrder`) keep that order; items only the server has keep theirs
 * and are interleaved where the live list had them. A new item at the head of the patch order
 * therefore lands before every server-only item: plain SMP patches prepend new entries.
 */
import { goSprint, goTypeName } from './goFormat';
import { isMap, own, type JsonMap } from './jsonValue';
import { unexpectedPatchError } from './patchErrors';

const DIRECTIVE = '$patch';

export function badArgType(expected: 'map' | 'slice', actual: unknown) {
  const want = expected === 'map' ? 'map[string]interface {}' : '[]interface {}';
  return unexpectedPatchError(`expected a ${want}, but received a ${goTypeName(actual)}`);
}

export function noMergeKey(m: JsonMap, mergeKey: string) {
  return unexpectedPatchError(`map: ${goSprint(m)} does not contain declared merge key: ${mergeKey}`);
}

/** What identifies a list item: its merge-key value, or the item itself in primitive lists. */
function identity(item: unknown, mergeKey: string): unknown {
  if (!mergeKey) return item;
  return isMap(item) ? own(item, mergeKey) : undefined;
}

function indexIn(list: readonly unknown[], item: unknown, mergeKey: string): number {
  const id = identity(item, mergeKey);
  return list.findIndex((x) => identity(x, mergeKey) === id);
}

/** Index of the first map in `list` whose `mergeKey` equals `value`; every item must be a map. */
export function findByKey(list: readonly unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isMap(v)) throw unexpectedPatchError(`value for key ${i} is not a map`);
    if (Object.hasOwn(v, mergeKey) && v[mergeKey] === value) return i;
  }
  return -1;
}

/** Requires every item of the lists to be a map carrying the merge key. */
function requireMergeKeys(mergeKey: string, ...lists: readonly unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw badArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    }
  }
}

/** Splits `merged` into the items present in `by` and the rest, keeping `merged` order. */
export function partitionByPresence(merged: readonly unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const rest: unknown[] = [];
  const primitives = mergeKey ? undefined : new Set(by);
  for (const v of merged) {
    let found: boolean;
    if (primitives) found = primitives.has(v);
    else {
      if (!isMap(v)) throw badArgType('map', v);
      if (!Object.hasOwn(v, mergeKey)) throw noMergeKey(v, mergeKey);
      found = findByKey(by, mergeKey, v[mergeKey]) >= 0;
    }
    (found ? present : rest).push(v);
  }
  return [present, rest];
}

/** Stable sort of `items` by their position in `order`; `$patch: delete` items go last. */
function sortByOrder(items: unknown[], order: readonly unknown[], mergeKey: string): unknown[] {
  let kept = items;
  let deletes: unknown[] = [];
  if (mergeKey) {
    requireMergeKeys(mergeKey, items, order as unknown[]);
    kept = items.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
    deletes = items.filter((v) => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  // Items missing from `order` cannot occur after validation; they sort after the rest.
  const rank = (v: unknown) => {
    const i = indexIn(order, v, mergeKey);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sorted = kept
    .map((v, i) => ({ v, i, r: rank(v) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.v);
  return [...sorted, ...deletes];
}

/**
 * Interleaves server-only items (`left`) into the patch items (`right`): a server item is taken
 * first only when the live list had it before the next patch item.
 */
function mergeSorted(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Orders patch items by `patchOrder`, server-only items by `serverOrder`, then interleaves them. */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
): unknown[] {
  const patchSorted = sortByOrder(patchItems, patchOrder, mergeKey);
  const serverSorted = sortByOrder(serverOnly, serverOrder, mergeKey);
  return mergeSorted(serverSorted, patchSorted, serverOrder, mergeKey);
}

function sameItem(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isMap(left)) throw badArgType('map', left);
  if (!isMap(right)) throw badArgType('map', right);
  if (!Object.hasOwn(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/**
 * The patch list's items (deletions aside) must appear in `$setElementOrder` in the same
 * relative order; otherwise the patch was built against a different list.
 */
export function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey) {
    for (const v of patchList) if (!isMap(v)) throw badArgType('map', v);
    items = patchList.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
  }
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isMap(items[p]) && Object.hasOwn(items[p] as JsonMap, DIRECTIVE)) {
      p++;
      continue;
    }
    if (sameItem(items[p], order[s], mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw unexpectedPatchError(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match $setElementOrder list:\n${goSprint(order)}\n`,
    );
  }
}
