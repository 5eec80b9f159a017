import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { applyJsonPatch, applyJsonPatchOps } from './json';

const configMap = () => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', labels: { a: '1', b: '2' }, annotations: { x: 'y' } },
  data: { k: 'v' },
  binaryData: null,
  list: [1, 2, 3],
  objs: [{ a: 1 }, { b: 2 }],
});

describe('applyJsonPatch applies RFC 6902 operations like evanphx/json-patch v4', () => {
  const cases: { name: string; ops: unknown; expect: (d: ReturnType<typeof configMap>) => void }[] = [
    { name: 'add sets a new object member', ops: [{ op: 'add', path: '/metadata/labels/c', value: '3' }], expect: (d) => Object.assign(d.metadata.labels, { c: '3' }) },
    { name: 'add with "-" appends to an array', ops: [{ op: 'add', path: '/list/-', value: 4 }], expect: (d) => d.list.push(4) },
    { name: 'add at an index inserts before it', ops: [{ op: 'add', path: '/list/0', value: 0 }], expect: (d) => d.list.unshift(0) },
    { name: 'add at -1 inserts at the end (negative indices count from the end)', ops: [{ op: 'add', path: '/list/-1', value: 9 }], expect: (d) => d.list.push(9) },
    { name: 'add without a value stores null', ops: [{ op: 'add', path: '/data/q' }], expect: (d) => Object.assign(d.data, { q: null }) },
    { name: 'remove deletes a member', ops: [{ op: 'remove', path: '/metadata/labels/a' }], expect: (d) => delete (d.metadata.labels as Record<string, string>).a },
    { name: 'remove -1 drops the last element', ops: [{ op: 'remove', path: '/list/-1' }], expect: (d) => d.list.pop() },
    { name: 'replace of a missing object key adds it (v4 quirk)', ops: [{ op: 'replace', path: '/metadata/labels/zz', value: '3' }], expect: (d) => Object.assign(d.metadata.labels, { zz: '3' }) },
    { name: 'replace of an array element', ops: [{ op: 'replace', path: '/list/1', value: 'b' }], expect: (d) => ((d.list as unknown[])[1] = 'b') },
    { name: 'move relocates a value', ops: [{ op: 'move', from: '/metadata/labels/a', path: '/metadata/annotations/a' }], expect: (d) => { delete (d.metadata.labels as Record<string, string>).a; Object.assign(d.metadata.annotations, { a: '1' }); } },
    { name: 'copy deep-copies a value', ops: [{ op: 'copy', from: '/objs/0', path: '/objs/-' }], expect: (d) => d.objs.push({ a: 1 }) },
    { name: 'copy from a missing key copies null', ops: [{ op: 'copy', from: '/data/zz', path: '/data/z' }], expect: (d) => Object.assign(d.data, { z: null }) },
    { name: 'test that passes lets later operations run', ops: [{ op: 'test', path: '/data/k', value: 'v' }, { op: 'add', path: '/data/t', value: 'ok' }], expect: (d) => Object.assign(d.data, { t: 'ok' }) },
    { name: 'test of a missing member against null passes', ops: [{ op: 'test', path: '/data/missing', value: null }], expect: () => undefined },
    { name: 'tokens decode ~1 as / and ~0 as ~', ops: [{ op: 'add', path: '/metadata/annotations/a~1b~0c', value: '1' }], expect: (d) => Object.assign(d.metadata.annotations, { 'a/b~c': '1' }) },
    { name: 'a null patch document changes nothing', ops: null, expect: () => undefined },
    {
      name: "kubectl rollout undo's template and annotations replacement",
      ops: [
        { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3' } },
        { op: 'replace', path: '/metadata/labels', value: { q: '1' } },
      ],
      expect: (d) => Object.assign(d.metadata, { annotations: { 'deployment.kubernetes.io/revision': '3' }, labels: { q: '1' } }),
    },
  ];
  it.each(cases)('$name', ({ ops, expect: mutate }) => {
    const want = configMap();
    mutate(want);
    expect(applyJsonPatch(configMap(), ops)).toEqual(want);
  });

  it('never mutates the input document or the patch values', () => {
    const doc = configMap();
    const value = { nested: ['x'] };
    const out = applyJsonPatch(doc, [{ op: 'add', path: '/metadata/labels/c', value }]) as ReturnType<typeof configMap>;
    expect(doc).toEqual(configMap());
    (out.metadata.labels as Record<string, unknown>).c = 'changed';
    expect(value).toEqual({ nested: ['x'] });
  });
});

describe('applyJsonPatch failures are the apiserver 422 with the generic message', () => {
  const failing: { name: string; ops: unknown; reason: string }[] = [
    { name: 'remove of a missing key', ops: [{ op: 'remove', path: '/metadata/labels/zz' }], reason: 'Unable to remove nonexistent key: zz: missing value' },
    { name: 'add under a missing parent', ops: [{ op: 'add', path: '/spec/x', value: 1 }], reason: 'add operation does not apply: doc is missing path: "/spec/x": missing value' },
    { name: 'add through a null member', ops: [{ op: 'add', path: '/binaryData/x', value: '1' }], reason: 'doc is missing path' },
    { name: 'a path without any slash', ops: [{ op: 'add', path: 'data', value: 1 }], reason: 'doc is missing path: "data"' },
    { name: 'a failed test', ops: [{ op: 'test', path: '/data/k', value: 'w' }], reason: 'testing value /data/k failed: test failed' },
    { name: 'a test without value on a present member', ops: [{ op: 'test', path: '/data/k' }], reason: 'testing value /data/k failed' },
    { name: 'an index past the end', ops: [{ op: 'add', path: '/list/5', value: 9 }], reason: 'Unable to access invalid index: 5' },
    { name: 'replace past the end', ops: [{ op: 'replace', path: '/list/3', value: 9 }], reason: 'Unable to access invalid index: 3' },
    { name: 'a non-numeric array index', ops: [{ op: 'add', path: '/list/x', value: 9 }], reason: "value was not a proper array index: 'x'" },
    { name: 'an unknown op', ops: [{ op: 'frob', path: '/data/k' }], reason: 'Unexpected kind: frob' },
    { name: 'a missing op', ops: [{ path: '/data/k' }], reason: 'Unexpected kind: unknown' },
    { name: 'a missing path', ops: [{ op: 'remove' }], reason: 'remove operation failed to decode path' },
    { name: 'move from a missing key', ops: [{ op: 'move', from: '/data/zz', path: '/data/q' }], reason: 'Unable to remove nonexistent key: zz' },
  ];
  it.each(failing)('$name', ({ ops, reason }) => {
    expect(() => applyJsonPatchOps(configMap(), ops)).toThrow(reason);
    let err: unknown;
    try {
      applyJsonPatch(configMap(), ops);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
  });

  const malformed: { name: string; ops: unknown; code: number; message: string }[] = [
    { name: 'an object instead of a list is a 400', ops: { op: 'add' }, code: 400, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
    { name: 'a non-object operation is a 400', ops: ['add'], code: 400, message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation' },
    {
      name: 'more than 10000 operations is a 413',
      ops: Array.from({ length: 10001 }, () => ({ op: 'test', path: '/data/k', value: 'v' })),
      code: 413,
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    },
  ];
  it.each(malformed)('$name', ({ ops, code, message }) => {
    try {
      applyJsonPatch(configMap(), ops);
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).code).toBe(code);
      expect((e as ApiError).status.message).toBe(message);
    }
  });
});
