/**
 * A tiny in-memory world for the pure Deployment core's tests: builders for Deployments and
 * ReplicaSets, and a loop that applies each plan's writes and lets ReplicaSets report their pods
 * (available or not), so multi-step rollouts can be checked step by step without an API server.
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import type { DeploymentAction, DeploymentPlan } from './plan';
import { reconcile } from './reconcile';
import { equalIgnoreHash } from './replicas';

export const T0 = Date.UTC(2025, 0, 1);

export interface DeployOpts {
  name?: string;
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  generation?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number | null;
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  annotations?: Record<string, string>;
  status?: Record<string, unknown>;
}

export function deploy(o: DeployOpts = {}): KObject {
  const name = o.name ?? 'web';
  const strategy = o.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: o.generation ?? 1, creationTimestamp: rfc3339(T0), ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: o.image ?? 'nginx:1.27' }] } },
      strategy:
        strategy === 'Recreate'
          ? { type: 'Recreate' }
          : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } },
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      ...(o.progressDeadlineSeconds === null ? {} : { progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600 }),
      ...(o.paused ? { paused: true } : {}),
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
    },
    status: o.status ?? {},
  };
}

export interface RsOpts {
  name?: string;
  image?: string;
  replicas: number;
  /** status.replicas (defaults to replicas). */
  actual?: number;
  available?: number;
  revision?: number;
  created?: number;
  annotations?: Record<string, string>;
}

/** A ReplicaSet owned by `d` with d's template (or `image`). */
export function rsFor(d: KObject, o: RsOpts): KObject {
  const name = o.name ?? `${d.metadata.name}-${o.revision ?? 1}`;
  const template = structuredClone(d.spec.template);
  if (o.image) template.spec.containers[0].image = o.image;
  template.metadata.labels['pod-template-hash'] = name;
  const actual = o.actual ?? o.replicas;
  const available = o.available ?? actual;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      generation: 1,
      creationTimestamp: rfc3339(o.created ?? T0),
      labels: { ...template.metadata.labels },
      annotations: {
        'deployment.kubernetes.io/revision': String(o.revision ?? 1),
        'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas),
        'deployment.kubernetes.io/max-replicas': String(d.spec.replicas + 1),
        ...o.annotations,
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: o.replicas, selector: { matchLabels: { ...template.metadata.labels } }, template },
    status: { replicas: actual, availableReplicas: available, readyReplicas: available, observedGeneration: 1 },
  };
}

/** Applies plans to an in-memory Deployment and its ReplicaSets. */
export class World {
  events: string[] = [];
  /** Size changes per step, as `old -2` / `new +3` (new = the ReplicaSet matching the template). */
  changes: string[] = [];
  now = T0;
  constructor(
    public d: KObject,
    public rss: KObject[] = [],
  ) {}

  sync(podMap?: Map<string, KObject[]>): DeploymentPlan {
    const plan = reconcile({ deployment: this.d, replicaSets: this.rss, podMap, now: this.now });
    for (const a of plan.actions) this.apply(a);
    return plan;
  }

  private apply(a: DeploymentAction): void {
    switch (a.type) {
      case 'createReplicaSet': {
        const rs = structuredClone(a.rs) as KObject;
        rs.metadata.uid = `uid-${rs.metadata.name}`;
        rs.metadata.generation = 1;
        rs.metadata.creationTimestamp = rfc3339(this.now);
        rs.status = { replicas: 0 };
        this.rss.push(rs);
        if (rs.spec.replicas) this.changes.push(`new +${rs.spec.replicas}`);
        break;
      }
      case 'updateReplicaSet': {
        const i = this.rss.findIndex((r) => r.metadata.name === a.rs.metadata.name);
        const prev = this.rss[i];
        const diff = a.rs.spec.replicas - prev.spec.replicas;
        if (diff) this.changes.push(`${this.isNew(prev) ? 'new' : 'old'} ${diff > 0 ? '+' : ''}${diff}`);
        this.rss[i] = { ...structuredClone(a.rs), status: prev.status, metadata: { ...structuredClone(a.rs.metadata), generation: (prev.metadata.generation ?? 1) + (diff ? 1 : 0) } };
        break;
      }
      case 'deleteReplicaSet':
        this.rss = this.rss.filter((r) => r.metadata.name !== a.rs.metadata.name);
        break;
      case 'updateStatus':
        this.d = { ...this.d, metadata: { ...this.d.metadata, annotations: a.deployment.metadata.annotations }, status: a.deployment.status };
        break;
      case 'updateDeployment':
        this.d = { ...a.deployment, metadata: { ...a.deployment.metadata, generation: (this.d.metadata.generation ?? 1) + 1 } };
        break;
      case 'event':
        this.events.push(`${a.reason}: ${a.message}`);
        break;
    }
  }

  isNew(rs: KObject): boolean {
    return equalIgnoreHash(rs.spec.template, this.d.spec.template);
  }

  /**
   * The ReplicaSet controller catches up: every ReplicaSet reports spec.replicas pods; old pods
   * stay available, new ones become available only when `newAvailable`.
   */
  settle(newAvailable = true): void {
    for (const rs of this.rss) {
      const n = rs.spec.replicas;
      const prev = rs.status?.availableReplicas ?? 0;
      const available = this.isNew(rs) && !newAvailable ? Math.min(prev, n) : n;
      rs.status = { replicas: n, readyReplicas: available, availableReplicas: available, observedGeneration: rs.metadata.generation };
    }
  }

  /** Changes the Deployment's spec as a user would (bumping its generation). */
  edit(f: (d: KObject) => void): void {
    const next = structuredClone(this.d) as KObject;
    f(next);
    next.metadata.generation = (next.metadata.generation ?? 1) + 1;
    this.d = next;
  }

  /** Sync + settle until nothing but status changes, at most `max` rounds. */
  run(newAvailable = true, max = 50): void {
    for (let i = 0; i < max; i++) {
      const before = this.changes.length;
      this.sync();
      this.settle(newAvailable);
      this.sync();
      if (this.changes.length === before) return;
    }
  }

  sizes(): string[] {
    return this.rss.map((rs) => `${this.isNew(rs) ? 'new' : 'old'}=${rs.spec.replicas}`);
  }
}
