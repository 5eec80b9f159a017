/**
 * RFC 6902 JSON Patch with the behaviour of gopkg.in/evanphx/json-patch.v4, the library the
 * apiserver applies `application/json-patch+json` with. Its quirks are kept on purpose:
 * `replace` of a missing object key adds it, negative array indices count from the end,
 * `test` treats a missing value and `null` alike, and a path without a leading `/` addresses
 * the root.
 */
import { goJsonKind } from './goFormat';
import { isMap, jsonEqual, setOwn, type JsonMap } from './jsonValue';
import { badPatch, maxJsonPatchOperations, patchNotApplicable, tooManyOperations } from './patchErrors';

type Container = JsonMap | unknown[];

/** Why an operation failed, in the library's words (the apiserver hides it behind a 422). */
export class JsonPatchFailure extends Error {}

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** strconv.Atoi: optional sign, decimal digits only. */
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new JsonPatchFailure(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

/** RFC 6901 token decoding: `~1` is `/`, `~0` is `~`. */
const decodeToken = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');

/** Resolves a negative index the way the library does (`-1` is the last element). */
function resolveIndex(idx: number, len: number): number {
  if (idx < 0) {
    if (idx < -len) throw new JsonPatchFailure(`Unable to access invalid index: ${idx}`);
    return idx + len;
  }
  return idx;
}

/** The value at `key` (undefined when absent or JSON null, as the library's nil node). */
function getChild(c: Container, key: string): unknown {
  if (!Array.isArray(c)) return Object.hasOwn(c, key) && c[key] !== null ? c[key] : undefined;
  const idx = resolveIndex(atoi(key), c.length);
  if (idx >= c.length) throw new JsonPatchFailure(`Unable to access invalid index: ${idx}`);
  return c[idx] ?? undefined;
}

function addChild(c: Container, key: string, value: unknown): void {
  if (!Array.isArray(c)) {
    setOwn(c, key, value);
    return;
  }
  if (key === '-') {
    c.push(value);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch {
    throw new JsonPatchFailure(`value was not a proper array index: '${key}'`);
  }
  if (idx >= c.length + 1) throw new JsonPatchFailure(`Unable to access invalid index: ${idx}`);
  c.splice(resolveIndex(idx, c.length + 1), 0, value);
}

function removeChild(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!Object.hasOwn(c, key)) throw new JsonPatchFailure(`Unable to remove nonexistent key: ${key}: missing value`);
    delete c[key];
    return;
  }
  const idx = atoi(key);
  if (idx >= c.length) throw new JsonPatchFailure(`Unable to access invalid index: ${idx}`);
  c.splice(resolveIndex(idx, c.length), 1);
}

function setChild(c: Container, key: string, value: unknown): void {
  if (Array.isArray(c)) c[resolveIndex(atoi(key), c.length)] = value;
  else setOwn(c, key, value);
}

/** The container holding the last path token, or undefined when an intermediate is missing. */
function findParent(root: Container, path: string): { parent: Container; key: string } | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  let cur: Container = root;
  for (const part of parts.slice(1, -1)) {
    let next: unknown;
    try {
      next = getChild(cur, decodeToken(part));
    } catch {
      return undefined;
    }
    if (!isContainer(next)) return undefined;
    cur = next;
  }
  return { parent: cur, key: decodeToken(parts[parts.length - 1]) };
}


function stringField(op: JsonMap, name: 'path' | 'from', kind: string): string {
  const v = op[name];
  if (typeof v !== 'string') throw new JsonPatchFailure(`${kind} operation failed to decode ${name}: missing value`);
  return v;
}

function locate(root: Container, path: string, what: string): { parent: Container; key: string } {
  const found = findParent(root, path);
  if (!found) throw new JsonPatchFailure(`${what}: doc is missing path: "${path}": missing value`);
  return found;
}

/** Applies one operation to `root` (mutated) and returns the possibly replaced root. */
function applyOp(root: Container, op: JsonMap): Container {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const hasValue = Object.hasOwn(op, 'value');
  const value = hasValue ? structuredClone(op.value) : null;
  switch (kind) {
    case 'add': {
      const { parent, key } = locate(root, stringField(op, 'path', kind), 'add operation does not apply');
      addChild(parent, key, value);
      return root;
    }
    case 'remove': {
      const { parent, key } = locate(root, stringField(op, 'path', kind), 'remove operation does not apply');
      removeChild(parent, key);
      return root;
    }
    case 'replace': {
      const path = stringField(op, 'path', kind);
      if (path === '') {
        if (!isContainer(value)) throw new JsonPatchFailure('replace operation value must be object or array');
        return value;
      }
      const { parent, key } = locate(root, path, 'replace operation does not apply');
      getChild(parent, key);
      setChild(parent, key, value);
      return root;
    }
    case 'move': {
      const from = locate(root, stringField(op, 'from', kind), 'move operation does not apply');
      const moved = getChild(from.parent, from.key) ?? null;
      removeChild(from.parent, from.key);
      const to = locate(root, stringField(op, 'path', kind), 'move operation does not apply');
      addChild(to.parent, to.key, moved);
      return root;
    }
    case 'copy': {
      const from = locate(root, stringField(op, 'from', kind), 'copy operation does not apply');
      const copied = structuredClone(getChild(from.parent, from.key) ?? null);
      const to = locate(root, stringField(op, 'path', kind), 'copy operation does not apply');
      addChild(to.parent, to.key, copied);
      return root;
    }
    case 'test': {
      const path = stringField(op, 'path', kind);
      if (path === '') {
        if (jsonEqual(root, value)) return root;
        throw new JsonPatchFailure(`testing value ${path} failed: test failed`);
      }
      const { parent, key } = locate(root, path, 'test operation does not apply');
      const actual = getChild(parent, key);
      // A missing (or null) value matches a null/absent expectation; anything else must be equal.
      const ok = actual === undefined ? value === null : hasValue && jsonEqual(actual, value);
      if (!ok) throw new JsonPatchFailure(`testing value ${path} failed: test failed`);
      return root;
    }
    default:
      throw new JsonPatchFailure(`Unexpected kind: ${kind}`);
  }
}

/** Checks the patch document's shape like encoding/json decoding it into jsonpatch.Patch. */
function decodeOps(ops: unknown): (JsonMap | null)[] {
  if (ops === null || ops === undefined) return [];
  if (!Array.isArray(ops)) throw badPatch(`json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`);
  for (const op of ops) {
    if (op !== null && !isMap(op))
      throw badPatch(`json: cannot unmarshal ${goJsonKind(op)} into Go value of type jsonpatch.Operation`);
  }
  if (ops.length > maxJsonPatchOperations) throw tooManyOperations(ops.length);
  return ops as (JsonMap | null)[];
}

/**
 * Applies operations to a copy of `doc`; throws JsonPatchFailure naming the failing operation.
 * The result may be any container (`replace` of the root can swap in an array).
 */
export function applyJsonPatchOps(doc: Container, ops: unknown): Container {
  let root: Container = structuredClone(doc);
  for (const op of decodeOps(ops)) root = applyOp(root, op ?? {});
  return root;
}

/** Applies an RFC 6902 patch to a copy of `doc`, failing with the apiserver's Status errors. */
export function applyJsonPatch(doc: JsonMap, ops: unknown): unknown {
  try {
    return applyJsonPatchOps(doc, ops);
  } catch (e) {
    if (e instanceof JsonPatchFailure) throw patchNotApplicable();
    throw e;
  }
}
