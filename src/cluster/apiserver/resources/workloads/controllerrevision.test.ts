import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { controllerrevisions } from './controllerrevision';
import { mutable, workloadServer } from './testkit';

const revision = (mut: (r: KObject) => void = () => {}): KObject => {
  const r: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: 'web-5d8f7c9b6' },
    data: { spec: { template: { $patch: 'replace' } } },
    revision: 1,
  };
  mut(r);
  return r;
};

describe('ControllerRevision', () => {
  it.each<[string, (r: KObject) => void, string]>([
    ['accepts a revision with data', () => {}, ''],
    ['requires data', (r) => delete r.data, 'ControllerRevision.apps "web-5d8f7c9b6" is invalid: data: Required value: data is mandatory'],
    ['rejects a negative revision', (r) => (r.revision = -1), 'ControllerRevision.apps "web-5d8f7c9b6" is invalid: revision: Invalid value: -1: must be greater than or equal to 0'],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(revision(mut)))).toBe(message);
  });

  it('refuses changes to data and prints the raw bytes as Go does', () => {
    const { create, update, errorOf } = workloadServer();
    const r = mutable(create(revision()));
    r.data = { a: 1 };
    expect(errorOf(() => update(r))).toBe(
      'ControllerRevision.apps "web-5d8f7c9b6" is invalid: data: Invalid value: runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d}, ContentEncoding:"", ContentType:"application/json"}: field is immutable',
    );
  });

  it.each([
    ['a DaemonSet owner', [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'u', controller: true }], 'daemonset.apps/fluentd'],
    ['a core owner', [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true }], 'pod/p'],
    ['no controller', [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 's', uid: 'u' }], '<none>'],
  ])('prints CONTROLLER for %s', (_n, refs, controller) => {
    const r = revision((x) => (x.metadata.ownerReferences = refs));
    r.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    expect(controllerrevisions.row!(r, Date.parse('2025-01-01T00:00:30Z'))).toEqual(['web-5d8f7c9b6', controller, 1, '30s']);
    expect(controllerrevisions.indexers!.owner!(r)).toEqual(['u']);
  });
});
