import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { setNewReplicaSetAnnotations } from './annotations';
import { withCollision, withCreateFailure } from './newrs';
import { reconcile } from './reconcile';
import { deploy, rsFor, T0, World } from './testworld';

const ann = (rs: KObject) => rs.metadata.annotations!;

describe('ReplicaSet annotations (SetNewReplicaSetAnnotations)', () => {
  const d = deploy({ replicas: 4, annotations: { 'kubernetes.io/change-cause': 'v2', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'deployment.kubernetes.io/revision': '9' } });

  it('a new ReplicaSet gets the revision, desired/max replicas and the Deployment’s annotations but last-applied and revision', () => {
    const rs: KObject = { metadata: { name: 'x' } };
    expect(setNewReplicaSetAnnotations(d, rs, 3, false, 1)).toBe(true);
    expect(ann(rs)).toEqual({
      'kubernetes.io/change-cause': 'v2',
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });

  it('a reused ReplicaSet (rollback) moves to the new revision and keeps the old one in revision-history', () => {
    const rs: KObject = { metadata: { name: 'x', annotations: { 'deployment.kubernetes.io/revision': '1' } } };
    setNewReplicaSetAnnotations(d, rs, 3, true, 1);
    expect(ann(rs)['deployment.kubernetes.io/revision']).toBe('3');
    expect(ann(rs)['deployment.kubernetes.io/revision-history']).toBe('1');
    setNewReplicaSetAnnotations(d, rs, 5, true, 1);
    expect(ann(rs)['deployment.kubernetes.io/revision-history']).toBe('1,3');
  });

  it('never lowers a revision', () => {
    const rs: KObject = { metadata: { name: 'x', annotations: { 'deployment.kubernetes.io/revision': '7', 'kubernetes.io/change-cause': 'v2' } } };
    expect(setNewReplicaSetAnnotations(d, rs, 3, true, 1)).toBe(false);
  });

  it('drops the oldest revisions once revision-history passes 2000 characters', () => {
    const long = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(',');
    const rs: KObject = { metadata: { name: 'x', annotations: { 'deployment.kubernetes.io/revision': '5000', 'deployment.kubernetes.io/revision-history': long } } };
    setNewReplicaSetAnnotations(d, rs, 5001, true, 1);
    const h: string = ann(rs)['deployment.kubernetes.io/revision-history'];
    expect(h.length).toBeLessThanOrEqual(2000);
    expect(h.endsWith(',5000')).toBe(true);
    expect(h.startsWith('1001,')).toBe(true);
  });
});

describe('revision history cleanup (cleanupDeployment)', () => {
  it('deletes the lowest revisions beyond revisionHistoryLimit, skipping ReplicaSets that still have pods', () => {
    const complete = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 };
    const d = deploy({ replicas: 1, revisionHistoryLimit: 1, annotations: { 'deployment.kubernetes.io/revision': '5' }, status: complete });
    const old = (rev: number, o: Partial<{ replicas: number; actual: number }> = {}) =>
      rsFor(d, { name: `r${rev}`, revision: rev, replicas: o.replicas ?? 0, actual: o.actual ?? 0, image: `nginx:1.${rev}`, created: T0 + rev * 1000 });
    const w = new World(d, [old(1), old(2, { actual: 1 }), old(3), old(4), rsFor(d, { name: 'r5', revision: 5, replicas: 1, created: T0 + 5000 })]);
    w.sync();
    // r2 still has a pod: kept. r4 is within the limit of 1.
    expect(w.rss.map((r) => r.metadata.name)).toEqual(['r2', 'r4', 'r5']);
  });

  it('does not clean up before the rollout is complete', () => {
    const d = deploy({ replicas: 2, revisionHistoryLimit: 0 });
    const w = new World(d, [rsFor(d, { name: 'old', replicas: 2, image: 'nginx:1.26' })]);
    w.sync();
    expect(w.rss).toHaveLength(2);
  });
});

describe('scaling events and paused Deployments (sync / scale)', () => {
  it('scales a lone ReplicaSet to the new replicas with kubectl scale', () => {
    const d = deploy({ replicas: 5, generation: 2 });
    const w = new World(d, [rsFor(d, { name: 'web-1', replicas: 3, annotations: { 'deployment.kubernetes.io/desired-replicas': '3' } })]);
    w.sync();
    expect(w.sizes()).toEqual(['new=5']);
    expect(w.events).toEqual(['ScalingReplicaSet: Scaled up replica set web-1 from 3 to 5']);
    expect(ann(w.rss[0])).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '5', 'deployment.kubernetes.io/max-replicas': '7' });
  });

  it('splits extra replicas between active ReplicaSets by their share, leftovers to the largest', () => {
    // 10 → 20 replicas with 25% surge: 25 allowed, 15 to add; new 6·25/13 → 12 (+6), old 4·25/13 → 8 (+4), leftover 5 → new.
    const d = deploy({ replicas: 20, generation: 3 });
    const marks = { 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' };
    const w = new World(d, [
      rsFor(d, { name: 'old', replicas: 4, image: 'nginx:1.26', annotations: marks }),
      rsFor(d, { name: 'new', replicas: 6, revision: 2, created: T0 + 1000, annotations: marks }),
    ]);
    w.sync();
    expect(w.sizes()).toEqual(['old=8', 'new=17']);
  });

  it('scales proportionally down, older ReplicaSets first among equals', () => {
    const d = deploy({ replicas: 4, generation: 3, maxSurge: 0, maxUnavailable: 1 });
    const marks = { 'deployment.kubernetes.io/desired-replicas': '8', 'deployment.kubernetes.io/max-replicas': '8' };
    const w = new World(d, [
      rsFor(d, { name: 'old', replicas: 4, image: 'nginx:1.26', annotations: marks }),
      rsFor(d, { name: 'new', replicas: 4, revision: 2, created: T0 + 1000, annotations: marks }),
    ]);
    w.sync();
    expect(w.sizes()).toEqual(['old=2', 'new=2']);
  });

  it('a paused Deployment scales but does not roll out a new template', () => {
    const d = deploy({ replicas: 3, paused: true, generation: 2 });
    const w = new World(d, [rsFor(d, { name: 'old', replicas: 3, image: 'nginx:1.26' })]);
    w.sync();
    expect(w.rss).toHaveLength(1);
    expect(w.d.status.conditions.find((c: { type: string }) => c.type === 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    expect(w.d.status.observedGeneration).toBe(2);
  });

  it('resuming says DeploymentResumed before the rollout continues', () => {
    const paused = { type: 'Progressing', status: 'Unknown', lastUpdateTime: '2025-01-01T00:00:00Z', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'DeploymentPaused', message: 'Deployment is paused' };
    const d = deploy({ replicas: 3, status: { conditions: [paused] } });
    const plan = reconcile({ deployment: d, replicaSets: [rsFor(d, { name: 'old', replicas: 3, image: 'nginx:1.26' })], now: T0 + 5000 });
    const first = plan.actions[0];
    expect(first.type === 'updateStatus' && first.deployment.status.conditions[0]).toMatchObject({ status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' });
  });
});

describe('failed creates', () => {
  const d = deploy({ replicas: 3 });
  it('a name collision bumps status.collisionCount', () => {
    expect(withCollision(d).status.collisionCount).toBe(1);
    expect(withCollision(withCollision(d)).status.collisionCount).toBe(2);
  });
  it('another error sets Progressing=False ReplicaSetCreateError with the upstream message', () => {
    const f = withCreateFailure(d, 'web-abc', 'replicasets.apps "web-abc" is forbidden: exceeded quota', T0);
    expect(f.message).toBe('Failed to create new replica set "web-abc": replicasets.apps "web-abc" is forbidden: exceeded quota');
    expect(f.deployment?.status.conditions[0]).toMatchObject({ type: 'Progressing', status: 'False', reason: 'ReplicaSetCreateError', message: f.message });
  });
});
