/**
 * `--sort-by` (kubectl get/sorter.go): a JSONPath into each row's full object (tables) or each
 * item (lists), compared as kubectl's isLess does — numbers, strings (as quantities when both
 * parse), times — with missing values first, sorted by Go's own (unstable) algorithm.
 */
import { compareQuantity, parseQuantity } from '../../../cluster/api/quantity';
import { relaxedJsonPath } from '../../printers/customcolumns';
import { JsonPath } from '../../printers/jsonpath/jsonpath';
import type { TableObj } from '../../printers/table';
import type { Obj } from '../../util/manifest';
import { goSort } from '../../util/gosort';

function tryQuantity(s: string) {
  try {
    return parseQuantity(s);
  } catch {
    return undefined;
  }
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = tryQuantity(a);
    const qb = qa && tryQuantity(b);
    if (qa && qb) return compareQuantity(qa, qb) < 0;
    return a < b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!isLess(a[i], b[i])) return false;
    return true;
  }
  if (typeof a !== typeof b) throw new Error(`unsortable interface: ${typeof a}`);
  throw new Error(`unsortable type: ${typeof a}`);
}

function firstValues(jp: JsonPath, o: unknown): unknown[][] {
  return jp.findResults(o);
}

function parser(field: string): { jp: JsonPath; path: string } {
  let path: string;
  try {
    path = relaxedJsonPath(field);
  } catch {
    path = field;
  }
  const jp = new JsonPath(path);
  jp.allowMissingKeys = true;
  return { jp, path };
}

/** Go's sort.Sort (unstable pdqsort): ties land where kubectl's would. */
function insertionSort<T>(xs: T[], less: (a: T, b: T) => boolean): T[] {
  return goSort([...xs], less);
}

function lessBy(iv: unknown[][], jv: unknown[][]): boolean {
  if (iv.length === 0 || iv[0].length === 0) return true;
  if (jv.length === 0 || jv[0].length === 0) return false;
  return isLess(iv[0][0], jv[0][0]);
}

export function sortTableRows(table: TableObj, field: string): void {
  const rows = table.rows ?? [];
  if (rows.length < 2) return;
  const { jp, path } = parser(field);
  const parsed = rows.map((r) => ({ r, v: firstValues(jp, r.object) }));
  if (!parsed.some((p) => p.v.length > 0 && p.v[0].length > 0)) throw new Error(`couldn't find any field with path "${path}" in the list of objects`);
  table.rows = insertionSort(parsed, (a, b) => lessBy(a.v, b.v)).map((p) => p.r);
}

export function sortObjects(items: Obj[], field: string): Obj[] {
  if (items.length === 0) return items;
  const { jp, path } = parser(field);
  const parsed = items.map((o) => ({ o, v: firstValues(jp, o) }));
  if (!parsed.some((p) => p.v.length > 0 && p.v[0].length > 0)) throw new Error(`couldn't find any field with path "${path}" in the list of objects`);
  return insertionSort(parsed, (a, b) => lessBy(a.v, b.v)).map((p) => p.o);
}
