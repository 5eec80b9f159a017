import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { computeHash } from './hash';
import type { DeploymentAction } from './plan';
import { reconcile } from './reconcile';
import { deploy, rsFor, T0, World } from './testworld';

const types = (actions: DeploymentAction[]) => actions.map((a) => (a.type === 'event' ? `event ${a.reason}` : a.type));
const statuses = (actions: DeploymentAction[]) => actions.flatMap((a) => (a.type === 'updateStatus' ? [a.deployment] : []));
const cond = (d: KObject, type: string) => d.status?.conditions?.find((c: { type: string }) => c.type === type);

describe('Deployment reconcile (syncDeployment)', () => {
  it('a new Deployment creates <name>-<hash> with the hash in labels, selector and template, and records the scale-up', () => {
    const d = deploy({ replicas: 3 });
    const plan = reconcile({ deployment: d, replicaSets: [], now: T0 });
    expect(types(plan.actions)).toEqual(['createReplicaSet', 'event ScalingReplicaSet', 'updateStatus', 'updateStatus']);
    const create = plan.actions[0] as Extract<DeploymentAction, { type: 'createReplicaSet' }>;
    const hash = computeHash(d.spec.template);
    expect(create.rs).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${hash}`,
        namespace: 'default',
        labels: { app: 'web', 'pod-template-hash': hash },
        annotations: { 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
        template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } }, spec: d.spec.template.spec },
      },
    });
    expect(plan.actions[1]).toMatchObject({ message: `Scaled up replica set web-${hash} from 0 to 3` });
    const [first, second] = statuses(plan.actions);
    expect(first.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(cond(first, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "web-${hash}"` });
    expect(second.status).toMatchObject({ observedGeneration: 1, unavailableReplicas: 3 });
    expect(cond(second, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
  });

  it('collisionCount changes the hash, and so the name', () => {
    const d = deploy({ status: { collisionCount: 1 } });
    const create = reconcile({ deployment: d, replicaSets: [], now: T0 }).actions[0] as Extract<DeploymentAction, { type: 'createReplicaSet' }>;
    expect(create.rs.metadata.name).toBe(`web-${computeHash(d.spec.template, 1)}`);
  });

  it('an existing ReplicaSet with the template is found, not created (FoundNewReplicaSet when no Progressing yet)', () => {
    const d = deploy({ replicas: 2 });
    const plan = reconcile({ deployment: d, replicaSets: [rsFor(d, { name: 'web-abc', replicas: 2 })], now: T0 });
    expect(types(plan.actions)).not.toContain('createReplicaSet');
    expect(cond(statuses(plan.actions)[0], 'Progressing')).toMatchObject({ reason: 'FoundNewReplicaSet', message: 'Found new replica set "web-abc"' });
  });

  it('brings the new ReplicaSet’s minReadySeconds in line with the Deployment', () => {
    const d = deploy({ replicas: 2, minReadySeconds: 5 });
    const plan = reconcile({ deployment: d, replicaSets: [rsFor(d, { replicas: 2 })], now: T0 });
    expect(plan.actions[0]).toMatchObject({ type: 'updateReplicaSet', rs: { spec: { minReadySeconds: 5 } } });
  });

  it('refuses a selector of {} with a SelectingAll warning and only observes the generation', () => {
    const d = deploy({ generation: 2 });
    d.spec.selector = {};
    const plan = reconcile({ deployment: d, replicaSets: [], now: T0 });
    expect(plan.actions[0]).toEqual({ type: 'event', eventType: 'Warning', reason: 'SelectingAll', message: 'This deployment is selecting all pods. A non-empty selector is required.' });
    expect(statuses(plan.actions)[0].status).toEqual({ observedGeneration: 2 });
  });

  it('a Deployment being deleted only reports status', () => {
    const d = deploy({ replicas: 5 });
    d.metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
    const plan = reconcile({ deployment: d, replicaSets: [rsFor(d, { replicas: 2 })], now: T0 });
    expect(types(plan.actions).filter((t) => t !== 'updateStatus')).toEqual([]);
  });

  it('the deprecated rollback annotation restores that revision’s template and annotations, then clears itself', () => {
    const d = deploy({ replicas: 2, image: 'nginx:1.28', annotations: { 'deprecated.deployment.rollback.to': '1', 'deployment.kubernetes.io/revision': '2' } });
    const v1 = rsFor(d, { name: 'v1', replicas: 0, image: 'nginx:1.27', revision: 1, annotations: { 'kubernetes.io/change-cause': 'first' } });
    const w = new World(d, [v1, rsFor(d, { name: 'v2', replicas: 2, revision: 2, created: T0 + 1000 })]);
    w.sync();
    expect(w.d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(w.d.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect(w.d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'first' });
    expect(w.events).toEqual(['DeploymentRollback: Rolled back deployment "web" to revision 1']);
    // The next syncs make v1 the new ReplicaSet, with revision 3.
    w.run();
    expect(w.rss.find((r) => r.metadata.name === 'v1')!.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
  });

  it('a rollback to a missing revision gives up with DeploymentRollbackRevisionNotFound', () => {
    const d = deploy({ annotations: { 'deprecated.deployment.rollback.to': '7' } });
    const w = new World(d, [rsFor(d, { replicas: 3 })]);
    w.sync();
    expect(w.events).toEqual(['DeploymentRollbackRevisionNotFound: Unable to find the revision to rollback to.']);
    expect(w.d.metadata.annotations!['deprecated.deployment.rollback.to']).toBeUndefined();
  });

  it('a rollback to the current template warns DeploymentRollbackTemplateUnchanged', () => {
    const d = deploy({ annotations: { 'deprecated.deployment.rollback.to': '1' } });
    const w = new World(d, [rsFor(d, { replicas: 3, revision: 1 })]);
    w.sync();
    expect(w.events).toEqual(['DeploymentRollbackTemplateUnchanged: The rollback revision contains the same template as current deployment "web"']);
  });

  it('the status sums the ReplicaSets: replicas from status, updated from the new one, unavailable from spec − available', () => {
    const d = deploy({ replicas: 4, generation: 2, maxSurge: 1, maxUnavailable: 1 });
    const old = rsFor(d, { name: 'old', replicas: 3, actual: 3, available: 3, image: 'nginx:1.26' });
    const fresh = rsFor(d, { name: 'new', replicas: 2, actual: 2, available: 1, revision: 2, created: T0 + 1000, annotations: { 'deployment.kubernetes.io/max-replicas': '5', 'deployment.kubernetes.io/desired-replicas': '4' } });
    const w = new World(d, [old, fresh]);
    w.sync();
    expect(w.d.status).toMatchObject({ observedGeneration: 2, replicas: 5, updatedReplicas: 2, readyReplicas: 4, availableReplicas: 4, unavailableReplicas: 1 });
    expect(cond(w.d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
  });
});
