/**
 * DaemonSet history (daemon/update.go constructHistory, snapshot, dedupCurHistories,
 * cleanupHistory, v1.32). The current template's ControllerRevision is `<ds>-<hash>`, labelled
 * `controller-revision-hash: <hash>` like the pods; the hash is controller.ComputeHash of the pod
 * template (FNV-32a; upstream hashes a Go spew dump we cannot reproduce, so canonical JSON is used —
 * same alphabet and length).
 */
import type { KObject } from '../../api/types';
import type { ControllerContext } from '../types';
import { isAlreadyExists } from '../util/errors';
import { fnv1a, goJSON, safeEncode, templatePatch, utf8 } from '../statefulset/revisions';

export const DS_HASH_LABEL = 'controller-revision-hash';
const CRS = 'apps/controllerrevisions';

/** ComputeHash(template, collisionCount): collisionCount as 8 little-endian bytes. */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  let h = fnv1a(utf8(goJSON(template ?? {})));
  if (collisionCount != null) {
    const c = collisionCount >>> 0;
    h = fnv1a([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24, 0, 0, 0, 0], h);
  }
  return safeEncode(String(h));
}

/** Match: the revision holds exactly this DaemonSet's template patch. */
export const matchesRevision = (ds: KObject, cr: KObject): boolean => goJSON(templatePatch(ds.spec?.template)) === goJSON(cr.data);

export interface DsHistory {
  current: KObject;
  old: KObject[];
  hash: string;
}

/** snapshot: a new revision `<ds>-<hash>`; a name clash with other data bumps collisionCount. */
function snapshot(ctx: ControllerContext, ds: KObject, revision: number): KObject {
  const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const annotations = ds.metadata.annotations;
  const cr: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ds.metadata.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [DS_HASH_LABEL]: hash },
      ...(annotations && Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    data: templatePatch(ds.spec?.template),
    revision,
  };
  try {
    return ctx.client.create(CRS, cr);
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    const existing = ctx.client.get(CRS, ds.metadata.namespace, name);
    if (existing && matchesRevision(ds, existing)) return existing;
    const fresh = ctx.client.get('apps/daemonsets', ds.metadata.namespace, ds.metadata.name!) ?? ds;
    ctx.client.updateStatus('apps/daemonsets', { ...fresh, status: { ...fresh.status, collisionCount: (fresh.status?.collisionCount ?? 0) + 1 } });
    throw e; // retried with the new collision count
  }
}

/** constructHistory: the current revision (created or renumbered as needed) and the old ones. */
export function constructHistory(ctx: ControllerContext, ds: KObject, owned: KObject[], pods: KObject[]): DsHistory {
  const current: KObject[] = [];
  const old: KObject[] = [];
  for (let h of owned) {
    if (!h.metadata.labels?.[DS_HASH_LABEL]) h = ctx.client.update(CRS, { ...h, metadata: { ...h.metadata, labels: { ...h.metadata.labels, [DS_HASH_LABEL]: h.metadata.name! } } });
    (matchesRevision(ds, h) ? current : old).push(h);
  }
  const next = Math.max(0, ...old.map((h) => h.revision ?? 0)) + 1;
  let cur: KObject;
  if (!current.length) cur = snapshot(ctx, ds, next);
  else {
    // dedupCurHistories: keep the highest revision, move its pods over, delete the rest.
    cur = current.reduce((a, b) => ((b.revision ?? 0) >= (a.revision ?? 0) ? b : a));
    const keep = cur.metadata.labels![DS_HASH_LABEL]!;
    for (const dup of current) {
      if (dup === cur) continue;
      const dupHash = dup.metadata.labels![DS_HASH_LABEL];
      for (const p of pods)
        if (p.metadata.labels?.[DS_HASH_LABEL] === dupHash) ctx.client.patch('pods', p.metadata.namespace, p.metadata.name!, { metadata: { labels: { [DS_HASH_LABEL]: keep } } }, 'merge');
      ctx.client.delete(CRS, dup.metadata.namespace, dup.metadata.name!);
    }
    if ((cur.revision ?? 0) < next) cur = ctx.client.update(CRS, { ...cur, revision: next });
  }
  return { current: cur, old, hash: cur.metadata.labels![DS_HASH_LABEL]! };
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit that no pod uses, oldest first. */
export function historyToPrune(ds: KObject, old: KObject[], pods: KObject[]): KObject[] {
  const toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const live = new Set(pods.map((p) => p.metadata.labels?.[DS_HASH_LABEL]).filter(Boolean));
  return [...old]
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0))
    .filter((h) => !live.has(h.metadata.labels?.[DS_HASH_LABEL]))
    .slice(0, toKill);
}
