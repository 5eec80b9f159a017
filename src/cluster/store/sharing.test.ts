import { describe, expect, it } from 'vitest';
import { Store } from './store';
import { SubtreePool } from './sharing';
import type { KObject } from '../api/types';
import { newTestCluster } from '../testing/testCluster';

const pod = (name: string, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { tolerations: [{ key: 'k', operator: 'Exists' }], containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] },
  status: { conditions: [{ type: 'Ready', status: 'True' }], podIP: `10.0.0.${name.length}` },
  ...extra,
});

describe('structural sharing of repeated subtrees', () => {
  const shared = ['metadata.labels', 'spec.tolerations', 'spec.containers[].resources', 'status.conditions[]', 'status.conditions'];

  it('equal subtrees at the listed paths become one frozen object; other parts stay each object’s own', () => {
    const s = new Store();
    s.register('pods', {}, shared);
    const a = s.create('pods', pod('a'));
    const b = s.create('pods', pod('bb'));
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.spec.tolerations).toBe(a.spec.tolerations);
    expect(b.spec.containers[0].resources).toBe(a.spec.containers[0].resources);
    expect(b.status.conditions).toBe(a.status.conditions);
    expect(b.spec.containers).not.toBe(a.spec.containers); // not a listed path
    expect(b.status.podIP).not.toBe(a.status.podIP);
    expect(Object.isFrozen(b.spec.tolerations)).toBe(true);
  });

  it('a stored object reads exactly as written', () => {
    const s = new Store();
    s.register('pods', {}, shared);
    s.create('pods', pod('a'));
    const written = pod('bb', { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] } });
    const copy = JSON.parse(JSON.stringify(written));
    const b = s.create('pods', written);
    expect({ ...b, metadata: { ...b.metadata, resourceVersion: undefined } }).toEqual({ ...copy, metadata: { ...copy.metadata, resourceVersion: undefined } });
  });

  it('elements are shared before the array holding them: arrays that differ still share equal elements', () => {
    const s = new Store();
    s.register('pods', {}, shared);
    const a = s.create('pods', pod('a'));
    const b = s.create('pods', pod('bb', { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }] } }));
    expect(b.status.conditions).not.toBe(a.status.conditions);
    expect(b.status.conditions[0]).toBe(a.status.conditions[0]);
  });

  it('resources without listed paths are stored as written', () => {
    const s = new Store();
    s.register('pods');
    const a = s.create('pods', pod('a'));
    const b = s.create('pods', pod('bb'));
    expect(b.metadata.labels).not.toBe(a.metadata.labels);
  });

  it('the pool is bounded: past its limit it starts over instead of growing', () => {
    const pool = new SubtreePool(2);
    const x = pool.share({ v: 1 });
    pool.share({ v: 2 });
    pool.share({ v: 3 }); // full: forgets 1 and 2
    expect(pool.share({ v: 1 })).not.toBe(x);
    expect(pool.share({ v: 3 })).toEqual({ v: 3 });
  });
});

describe('in a running cluster', () => {
  it('pods of one ReplicaSet share what they have in common; their own parts stay their own', () => {
    const t = newTestCluster();
    t.apply(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources: { requests: { cpu: 100m, memory: 64Mi } }
`);
    t.advance('30s');
    const [a, b, c] = t.pods('app=web');
    expect([a, b, c].every((p) => p!.status.phase === 'Running')).toBe(true);
    expect(b!.metadata.labels).toBe(a!.metadata.labels);
    expect(b!.metadata.ownerReferences).toBe(a!.metadata.ownerReferences);
    expect(b!.spec.tolerations).toBe(a!.spec.tolerations);
    expect(b!.spec.containers[0].resources).toBe(a!.spec.containers[0].resources);
    expect(b!.spec.volumes[0].projected).toBe(a!.spec.volumes[0].projected);
    // Same type, status and second: one condition object.
    const ready = (p: KObject) => p.status.conditions.find((x: { type: string }) => x.type === 'Initialized');
    expect(ready(b!)).toEqual(ready(a!));
    expect(ready(b!)).toBe(ready(a!));
    expect(b!.metadata.uid).not.toBe(a!.metadata.uid);
    expect(b!.status.podIP).not.toBe(a!.status.podIP);
    expect(b!.spec.volumes[0].name).not.toBe(a!.spec.volumes[0].name);
  });

  it('a kubelet’s Events share one source object', () => {
    const t = newTestCluster();
    t.apply(`
apiVersion: v1
kind: Pod
metadata: { name: one }
spec: { nodeName: worker-1, containers: [{ name: c, image: nginx:1.27 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: two }
spec: { nodeName: worker-1, containers: [{ name: c, image: nginx:1.27 }] }
`);
    t.advance('30s');
    const started = t.list('events', undefined, 'default').filter((e) => e.reason === 'Started');
    expect(started).toHaveLength(2);
    const [x, y] = started;
    expect(y!.source).toEqual({ component: 'kubelet', host: 'worker-1' });
    expect(y!.source).toBe(x!.source);
    const created = t.list('events').filter((e) => e.reason === 'Created' && e.involvedObject.name === 'one')[0]!;
    const startedOne = started.find((e) => e.involvedObject.name === 'one')!;
    expect(created.involvedObject).toEqual(startedOne.involvedObject);
  });
});
