/**
 * The three-way patch must be byte-identical to what the real kubectl 1.32 sent in the same
 * situation (fixtures/kubectl-apply.json, recorded by fixtures/record.ts against the headless
 * server): same deletions, directives, list order, annotation and escaping.
 */
import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/kubectl-apply.json';
import { goMarshal } from './goJson';
import { lastAppliedOf, lastAppliedValue } from './lastApplied';
import { computeThreeWayPatch, PreconditionError } from './threeWay';
import type { JsonMap } from './types';
import { parseManifests } from './yamlDocs';

interface Fixture {
  name: string;
  second: string;
  live: JsonMap;
  patch: string | null;
}

/** What kubectl's builder does before patching: the default namespace on namespaced objects. */
function desiredOf(f: Fixture): JsonMap {
  const obj = parseManifests(f.second).docs[0].value as JsonMap;
  const meta = obj.metadata as JsonMap;
  if (obj.kind !== 'Namespace' && meta.namespace === undefined) meta.namespace = 'default';
  return obj;
}

describe('computeThreeWayPatch matches kubectl', () => {
  it.each((fixtures as Fixture[]).map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const desired = desiredOf(f);
    const p = computeThreeWayPatch(lastAppliedOf(f.live), desired, f.live, String(f.live.kind));
    if (f.patch === null) expect(p.empty).toBe(true);
    else expect(p.body).toBe(f.patch);
  });
});

describe('last-applied annotation', () => {
  it('records the manifest with empty annotations, sorted keys and a newline', () => {
    const v = lastAppliedValue({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', namespace: 'default' }, data: { b: '<&>' } });
    expect(v).toBe('{"apiVersion":"v1","data":{"b":"\\u003c\\u0026\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"a","namespace":"default"}}\n');
  });

  it('never records itself', () => {
    const m = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'old', x: 'y' } } };
    expect(lastAppliedValue(m)).toContain('"annotations":{"x":"y"}');
  });
});

describe('preconditions', () => {
  it('refuses to change the kind', () => {
    const live = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };
    expect(() => computeThreeWayPatch(undefined, { ...live, kind: 'Secret' }, live, 'ConfigMap')).toThrow(PreconditionError);
  });
});

describe('kinds without strategic-merge tags', () => {
  it('get a three-way JSON merge patch', () => {
    const live = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { a: 1, b: [1, 2], keep: true } };
    const last = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { a: 1, b: [1, 2], gone: 1 } };
    const desired = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { a: 2, b: [3] } };
    const p = computeThreeWayPatch(last, desired, live, 'Widget', false);
    expect(p.contentType).toBe('application/merge-patch+json');
    expect(goMarshal(p.patch)).toBe('{"spec":{"a":2,"b":[3],"gone":null}}');
  });
});
