/**
 * endpointslice-controller: keeps discovery.k8s.io/v1 EndpointSlices (`<svc>-<5 random>`) for
 * every Service with a selector. Pod events reach only the Services selecting the pod; sync reads
 * the Service, its pods and its managed slices (label index) and applies reconcileSlices' plan.
 * Also writes the `kubernetes` Service's slice, as the kube-apiserver does.
 */
import { selectorFromSet } from '../../api/labels';
import type { KObject } from '../../api/types';
import { apiserverIP, isApiserverService } from '../endpoints/apiserver';
import { managedSelector, ServiceMembership } from '../endpoints/membership';
import { TriggerTimeTracker } from '../endpoints/triggerTime';
import { SyncBudget } from '../util/syncBudget';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory } from '../types';
import { apiserverSlice, MANAGED_BY, MANAGED_BY_LABEL, reconcileSlices, SERVICE_NAME_LABEL } from './reconcile';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
const RES = 'discovery.k8s.io/endpointslices';
const ZONE = 'topology.kubernetes.io/zone';

export const endpointSliceController: ControllerFactory = {
  name: ENDPOINTSLICE_CONTROLLER,
  start(ctx: ControllerContext) {
    const members = new ServiceMembership();
    const triggers = new TriggerTimeTracker();
    const q = ctx.queue('services', sync);
    // Pod changes are paced per Service, as --endpoint-updates-batch-period would (see SyncBudget);
    // Service changes sync at once.
    const budget = new SyncBudget(() => ctx.clock.now());
    const enqueueAll = (keys: string[]) => keys.forEach((k) => budget.enqueue(q, k));
    const onService = (svc: KObject) => {
      members.setService(svc);
      q.add(keyOf(svc));
    };
    ctx.watch('services', {
      add: onService,
      update: onService,
      delete: (svc) => {
        members.deleteService(keyOf(svc));
        budget.forget(keyOf(svc));
        q.add(keyOf(svc));
      },
    });
    ctx.watch('pods', {
      add: (p) => enqueueAll(members.podChanged(p)),
      update: (p) => enqueueAll(members.podChanged(p)),
      delete: (p) => enqueueAll(members.podDeleted(p)),
    });
    // Someone else changed or deleted one of our slices: converge again.
    const onSlice = (s: KObject) => {
      const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc && (s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY || isApiserverService(s.metadata.namespace ?? '', svc)))
        q.add(`${s.metadata.namespace}/${svc}`);
    };
    ctx.watch(RES, { delete: onSlice });

    const zoneOf = (node: string): string | undefined => ctx.client.get('nodes', undefined, node)?.metadata.labels?.[ZONE];

    function sync(key: string): void {
      budget.spend(key);
      const [ns, name] = splitKey(key);
      const svc = ctx.client.get('services', ns, name);
      if (isApiserverService(ns, name)) return syncApiserver(svc);
      const sel = svc ? managedSelector(svc) : undefined;
      // Slices of a deleted Service go with it (ownerReferences → garbage collector).
      if (!svc || !sel) return triggers.forget(key);
      const slices = ctx.client.list(RES, {
        namespace: ns,
        selector: selectorFromSet({ [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY }),
      });
      const pods = ctx.client.list('pods', { namespace: ns, selector: selectorFromSet(sel) });
      const plan = reconcileSlices({ svc, pods, slices, zoneOf, triggerTime: triggers.compute(svc, pods) });
      for (const s of plan.create) ctx.client.create(RES, s);
      for (const s of plan.update) ctx.client.update(RES, s);
      for (const s of plan.delete) ctx.client.delete(RES, ns, s.metadata.name!);
    }

    function syncApiserver(svc: KObject | undefined): void {
      const ip = apiserverIP(ctx.client);
      if (!svc || managedSelector(svc) || !ip) return;
      const current = ctx.client.get(RES, 'default', 'kubernetes');
      const want = apiserverSlice(ip, current);
      if (want) current ? ctx.client.update(RES, want) : ctx.client.create(RES, want);
    }
  },
};
