/**
 * getStatefulSetRevisions and truncateHistory (stateful_set_control.go + history, v1.32): find or
 * create the ControllerRevision `<set>-<hash>` for the current template (rolling an older equal one
 * forward when the template goes back), and prune old revisions no pod uses.
 */
import type { KObject } from '../../api/types';
import type { ControllerContext } from '../types';
import { isAlreadyExists } from '../util/errors';
import { podRevision } from './identity';
import { equalRevision, goJSON, hashRevision, nextRevision, sortRevisions, templatePatch } from './revisions';

const CRS = 'apps/controllerrevisions';
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/** newRevision: data, revision number, labels and name (`<set>-<hash>`) for the set's template. */
export function newRevision(set: KObject, revision: number, collisionCount: number): KObject {
  const data = templatePatch(set.spec?.template);
  const hash = hashRevision(data, collisionCount);
  const annotations = { ...(set.metadata.annotations ?? {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name!.slice(0, 223)}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    data,
    revision,
  };
}

export interface Revisions {
  current: KObject;
  update: KObject;
  collisionCount: number;
  /** All owned revisions as listed before this sync, sorted. */
  sorted: KObject[];
}

/** getStatefulSetRevisions (writes through the API when a revision must be created or renumbered). */
export function resolveRevisions(ctx: ControllerContext, set: KObject, owned: KObject[]): Revisions {
  const sorted = sortRevisions(owned);
  let collisionCount: number = set.status?.collisionCount ?? 0;
  const want = newRevision(set, nextRevision(sorted), collisionCount);
  const equal = sorted.filter((r) => equalRevision(r, want));
  let update: KObject;
  if (equal.length && equalRevision(sorted[sorted.length - 1], equal[equal.length - 1])) update = sorted[sorted.length - 1]!;
  else if (equal.length) {
    // Rolling back to an earlier template: that revision becomes the newest.
    const prev = equal[equal.length - 1]!;
    update = prev.revision === want.revision ? prev : ctx.client.update(CRS, { ...prev, revision: want.revision });
  } else update = createRevision(ctx, set, want, () => ++collisionCount);
  const current = sorted.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, sorted };
}

// CreateControllerRevision: on a name clash with different data, bump the collision count and retry.
function createRevision(ctx: ControllerContext, set: KObject, want: KObject, bump: () => number): KObject {
  for (let collision = set.status?.collisionCount ?? 0; ; ) {
    const name = `${set.metadata.name!.slice(0, 223)}-${hashRevision(want.data, collision)}`;
    try {
      return ctx.client.create(CRS, { ...want, metadata: { ...want.metadata, name } });
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      const exists = ctx.client.get(CRS, set.metadata.namespace, name);
      if (exists && goJSON(exists.data) === goJSON(want.data)) return exists;
      collision = bump();
    }
  }
}

/** truncateHistory: the non-live revisions to delete, oldest first, beyond revisionHistoryLimit. */
export function revisionsToPrune(set: KObject, pods: KObject[], sorted: KObject[], current: KObject, update: KObject): KObject[] {
  const live = new Set([current.metadata.name, update.metadata.name, ...pods.map(podRevision)]);
  const history = sorted.filter((r) => !live.has(r.metadata.name));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return [];
  return history.slice(0, history.length - limit);
}
