/**
 * namespace-controller: a namespace marked for deletion (deletionTimestamp, phase Terminating) has
 * every namespaced object deleted (propagationPolicy Background), its deletion conditions kept up to
 * date, and — once nothing is left — the `kubernetes` finalizer removed through PUT
 * namespaces/<n>/finalize, after which the API server removes the namespace.
 */
import { clone, type KObject } from '../../api/types';
import { resourceKey, type ResourceDef } from '../../apiserver/types';
import { keyOf, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { contentResult, estimatePods, finalized, FINALIZER, namespaceConditions, type Condition, type GvrRemaining } from './reconcile';

export const NAMESPACE_CONTROLLER = 'namespace-controller';

/** Resources a namespace holds: namespaced kinds that can be listed and deleted. */
function contentDefs(defs: readonly ResourceDef[]): ResourceDef[] {
  return defs.filter((d) => d.namespaced && (!d.verbs || (d.verbs.includes('delete') && d.verbs.includes('list'))));
}

export const namespaceController: ControllerFactory = {
  name: NAMESPACE_CONTROLLER,
  start(ctx: ControllerContext) {
    const client = ctx.client;
    const nsDef = client.def('namespaces');
    const defs = contentDefs(client.api.registry.defs);
    const q = ctx.queue('namespaces', sync);
    const onNs = (ns: KObject) => {
      if (ns.metadata.deletionTimestamp) q.add(keyOf(ns));
    };
    ctx.watch('namespaces', { add: onNs, update: onNs });

    function sync(name: string): SyncResult {
      let ns = client.get('namespaces', undefined, name);
      if (!ns?.metadata.deletionTimestamp) return;
      if (ns.status?.phase !== 'Terminating') ns = client.updateStatus('namespaces', { ...clone(ns), status: { ...ns.status, phase: 'Terminating' } });
      if (finalized(ns)) return;
      const perGvr: GvrRemaining[] = [];
      for (const def of defs) {
        const key = resourceKey(def);
        const items = client.list(key, { namespace: name });
        if (!items.length) continue;
        const estimate = key === 'pods' ? estimatePods(items) : 0;
        for (const o of items) {
          if (o.metadata.deletionTimestamp) continue;
          try {
            client.delete(key, name, o.metadata.name!, { propagationPolicy: 'Background' });
          } catch {
            // NotFound (already gone) or refused: what remains is counted below.
          }
        }
        perGvr.push({ gvr: { group: def.group, version: def.version, plural: def.plural }, remaining: client.list(key, { namespace: name }), estimate });
      }
      const result = contentResult(name, perGvr);
      const { conditions, changed } = namespaceConditions((ns.status?.conditions ?? []) as Condition[], result, client.api.ctx.now);
      if (changed) ns = client.updateStatus('namespaces', { ...clone(ns), status: { ...ns.status, conditions } });
      if (result.estimate > 0) return { requeueAfterMs: (Math.floor(result.estimate / 2) + 1) * 1000 };
      if (result.errors.length) return { requeueAfterMs: 1000 };
      const next = clone(ns);
      next.spec = { ...next.spec, finalizers: (next.spec?.finalizers ?? []).filter((f: string) => f !== FINALIZER) };
      client.api.update(nsDef, '', name, next, { fieldManager: client.fieldManager }, 'finalize');
    }
  },
};
