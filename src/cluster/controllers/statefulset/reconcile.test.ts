import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { mkPod } from '../job/testkit';
import { newRevision } from './history';
import { reconcileStatefulSet, type StsAction, type StsPlan } from './reconcile';
import { fnv1, goJSON, hashRevision, safeEncode, utf8 } from './revisions';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const T0 = Date.UTC(2025, 0, 1);
const OWNER = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid' };

function set(spec: Json = {}, meta: Json = {}, status: Json = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid', generation: 2, ...meta },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...spec,
    },
    status,
  };
}

const rev = (s: KObject, n: number, image = 'nginx:1.27') =>
  newRevision({ ...s, spec: { ...s.spec, template: { ...s.spec.template, spec: { containers: [{ name: 'nginx', image }] } } } }, n, 0);

/** A created pod of the set: ready/running unless told otherwise, at revision `r`. */
function pod(ordinal: number, r: KObject, o: { phase?: string; ready?: boolean; deleting?: boolean; labels?: Json } = {}): KObject {
  const p = mkPod({
    name: `web-${ordinal}`,
    uid: `pod-${ordinal}`,
    owner: OWNER,
    node: 'w1',
    phase: o.phase ?? 'Running',
    ready: o.ready ?? true,
    deleting: o.deleting ? '2025-01-01T00:00:30Z' : undefined,
    labels: o.labels ?? { app: 'nginx', 'statefulset.kubernetes.io/pod-name': `web-${ordinal}`, 'apps.kubernetes.io/pod-index': String(ordinal), 'controller-revision-hash': r.metadata.name! },
  });
  return p;
}

function run(s: KObject, pods: KObject[], current: KObject, update = current, claims: KObject[] = []): StsPlan {
  const byName = new Map(claims.map((c) => [c.metadata.name!, c]));
  return reconcileStatefulSet({ set: s, pods, current, update, collisionCount: 0, claims: (n) => byName.get(n), now: T0 + 60_000 });
}

const summary = (a: StsAction) => `${a.kind} ${'pod' in a ? a.pod.metadata.name : ''}`.trim();

describe('reconcileStatefulSet', () => {
  const s = set();
  const r1 = rev(s, 1);
  const r2 = rev(s, 2, 'nginx:1.28');

  it.each([
    { name: 'OrderedReady creates only the lowest missing ordinal', spec: {}, pods: [], want: ['createPod web-0'] },
    { name: 'OrderedReady waits while a predecessor is not Running and Ready', spec: {}, pods: [pod(0, r1, { ready: false })], want: [] },
    { name: 'OrderedReady creates the next ordinal once its predecessors are ready', spec: {}, pods: [pod(0, r1)], want: ['createPod web-1'] },
    { name: 'Parallel creates every missing ordinal at once', spec: { podManagementPolicy: 'Parallel' }, pods: [], want: ['createPod web-0', 'createPod web-1', 'createPod web-2'] },
    { name: 'spec.ordinals.start shifts the ordinals', spec: { replicas: 1, ordinals: { start: 5 } }, pods: [], want: ['createPod web-5'] },
    { name: 'scale down deletes the highest ordinal first', spec: { replicas: 1 }, pods: [pod(0, r1), pod(1, r1), pod(2, r1)], want: ['deletePod web-2'] },
    { name: 'scale down waits while the condemned pod terminates', spec: { replicas: 1 }, pods: [pod(0, r1), pod(1, r1), pod(2, r1, { deleting: true })], want: [] },
    { name: 'Parallel scale down deletes every condemned pod', spec: { replicas: 1, podManagementPolicy: 'Parallel' }, pods: [pod(0, r1), pod(1, r1), pod(2, r1)], want: ['deletePod web-2', 'deletePod web-1'] },
    { name: 'a failed pod is deleted so it can be recreated', spec: { replicas: 1 }, pods: [pod(0, r1, { phase: 'Failed' })], want: ['deletePod web-0'] },
    { name: 'a pod that lost its identity label is updated', spec: { replicas: 1 }, pods: [pod(0, r1, { labels: { app: 'nginx', 'controller-revision-hash': r1.metadata.name } })], want: ['updatePod web-0'] },
    { name: 'a pod without a parsable ordinal is ignored', spec: { replicas: 1 }, pods: [pod(0, r1), mkPod({ name: 'web-x', owner: OWNER, labels: { app: 'nginx' } })], want: [] },
  ])('$name', ({ spec, pods, want }) => {
    expect(run(set(spec), pods, r1).actions.map(summary)).toEqual(want);
  });

  it('creates the claims a new pod needs with it, labelled with the selector', () => {
    const withClaims = set({ replicas: 1, volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] }, status: { phase: 'Pending' } }] });
    const [a] = run(withClaims, [], r1).actions;
    expect(a?.kind).toBe('createPod');
    if (a?.kind !== 'createPod') return;
    expect(a.claims.map((c) => [c.metadata.name, c.metadata.labels, c.status])).toEqual([['www-web-0', { app: 'nginx' }, undefined]]);
    expect(a.pod.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
    expect(a.pod.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(a.pod.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': r1.metadata.name });
  });

  it('rolling update deletes the highest ordinal not at the update revision', () => {
    const p = run(s, [pod(0, r1), pod(1, r1), pod(2, r1)], r1, r2);
    expect(p.actions.map(summary)).toEqual(['deletePod web-2']);
    expect(p.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 0, currentRevision: r1.metadata.name, updateRevision: r2.metadata.name });
  });

  it('rolling update waits for the updated pod to become available', () => {
    expect(run(s, [pod(0, r1), pod(1, r1), pod(2, r2, { ready: false })], r1, r2).actions.map(summary)).toEqual([]);
  });

  it('rolling update stops at the partition', () => {
    const part = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect(run(part, [pod(0, r1), pod(1, r1), pod(2, r2)], r1, r2).actions.map(summary)).toEqual([]);
  });

  it('a pod below the partition is recreated at the current revision', () => {
    const part = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const [a] = run(part, [], r1, r2).actions;
    expect(a?.kind === 'createPod' && a.pod.metadata.labels!['controller-revision-hash']).toBe(r1.metadata.name);
  });

  it('OnDelete never deletes pods for an update', () => {
    const od = set({ updateStrategy: { type: 'OnDelete' } });
    expect(run(od, [pod(0, r1), pod(1, r1), pod(2, r1)], r1, r2).actions).toEqual([]);
  });

  it('counts replicas by readiness and revision, observing the generation', () => {
    const p = run(s, [pod(0, r2), pod(1, r1), pod(2, r1, { ready: false })], r1, r2);
    expect(p.status).toEqual({
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 1,
      currentRevision: r1.metadata.name,
      updateRevision: r2.metadata.name,
      collisionCount: 0,
    });
  });

  it('a set being deleted only reports its status', () => {
    expect(run(set({}, { deletionTimestamp: '2025-01-01T00:00:00Z' }), [], r1).actions).toEqual([]);
  });

  it('whenScaled: Delete hands a condemned pod’s claims to the pod before deleting it', () => {
    const policy = set({ replicas: 0, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' }, volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: {} }] });
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www-web-0', namespace: 'default' }, spec: {} };
    const p = run(policy, [pod(0, r1)], r1, r1, [claim]);
    expect(p.actions.map((a) => a.kind)).toEqual(['updateClaims', 'deletePod']);
    const a = p.actions[0]!;
    expect(a.kind === 'updateClaims' && a.claims[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'web-0', uid: 'pod-0', controller: true, blockOwnerDeletion: true }]);
  });
});

describe('controller revisions', () => {
  it('hash with FNV-1 over the Go JSON of the replace patch plus the collision count', () => {
    const data = { spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'nginx' } } } } };
    expect(goJSON(data)).toBe('{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"nginx"}}}}}');
    expect(hashRevision(data, 0)).toBe(safeEncode(String(fnv1(utf8(`${goJSON(data)}0`)))));
    expect(hashRevision(data, 1)).not.toBe(hashRevision(data, 0));
  });

  it('FNV-1 32 matches its reference values', () => {
    expect(fnv1(utf8(''))).toBe(0x811c9dc5);
    expect(fnv1(utf8('a'))).toBe(0x050c5d7e);
    expect(fnv1(utf8('foobar'))).toBe(0x31f0b262);
  });

  it('SafeEncodeString maps digits into the consonant alphabet', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });

  it('Go’s encoding/json escapes HTML characters', () => {
    expect(goJSON({ b: '<a&b>', a: 1 })).toBe('{"a":1,"b":"\\u003ca\\u0026b\\u003e"}');
  });

  it('a revision is named <set>-<hash> and labelled with the template labels and the hash', () => {
    const r = newRevision(set({}, { annotations: { note: 'x' } }), 3, 0);
    const hash = r.metadata.labels!['controller.kubernetes.io/hash'];
    expect(r.metadata.name).toBe(`web-${hash}`);
    expect(r.metadata.labels!.app).toBe('nginx');
    expect(r.metadata.annotations).toEqual({ note: 'x' });
    expect(r.revision).toBe(3);
  });
});
