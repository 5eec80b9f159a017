/**
 * resourcequota-controller: keeps every ResourceQuota's status.hard and status.used current. A change
 * to any namespaced object re-syncs the quotas of its namespace (only namespaces that have quotas
 * cost anything); every quota is also re-synced each 5 minutes (--resource-quota-sync-period), which
 * catches pods that stop counting when their grace period runs out.
 */
import type { KObject } from '../../api/types';
import { evaluatorFor } from '../../apiserver/admission/quotaUsage';
import { resourceKey } from '../../apiserver/types';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { computeUsed, hardOf, quotaStatus, type ResourceObjects } from './reconcile';

export const RESOURCEQUOTA_CONTROLLER = 'resourcequota-controller';
const QUOTAS = 'resourcequotas';
const RESYNC_MS = 5 * 60_000;

export const resourceQuotaController: ControllerFactory = {
  name: RESOURCEQUOTA_CONTROLLER,
  start(ctx: ControllerContext) {
    const { client } = ctx;
    const q = ctx.queue('quotas', sync);
    const tracked = client.api.registry.defs
      .filter((d) => d.namespaced && resourceKey(d) !== QUOTAS)
      .map((d) => ({ key: resourceKey(d), evaluator: evaluatorFor(d.group, d.plural) }))
      .filter((r): r is { key: string; evaluator: NonNullable<ReturnType<typeof evaluatorFor>> } => !!r.evaluator);
    const onQuota = (o: KObject) => q.add(keyOf(o));
    ctx.watch(QUOTAS, { add: onQuota, update: onQuota });
    const replenish = (o: KObject) => {
      for (const quota of client.list(QUOTAS, { namespace: o.metadata.namespace })) q.add(keyOf(quota));
    };
    for (const r of tracked) ctx.watch(r.key, { add: replenish, update: replenish, delete: replenish });

    function sync(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const quota = client.get(QUOTAS, ns, name);
      if (!quota) return;
      const hard = Object.keys(hardOf(quota));
      const groups: ResourceObjects[] = tracked
        .filter((r) => hard.some((h) => r.evaluator.matches(h)))
        .map((r) => ({ evaluator: r.evaluator, objects: client.list(r.key, { namespace: ns }) }));
      const status = quotaStatus(quota, computeUsed(quota, groups, client.api.clock.now()));
      if (status) client.updateStatus(QUOTAS, { ...quota, status });
      return { requeueAfterMs: RESYNC_MS };
    }
  },
};
