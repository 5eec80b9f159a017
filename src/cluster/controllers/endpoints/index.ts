/**
 * endpoints-controller: keeps one core/v1 Endpoints object per Service with a selector. Pod events
 * reach only the Services that select the pod (ServiceMembership); sync reads the Service, its pods
 * (label index) and the current Endpoints, and applies reconcileEndpoints' plan. Also keeps the
 * `kubernetes` Service's Endpoints, as the kube-apiserver's endpoint reconciler does.
 */
import { selectorFromSet } from '../../api/labels';
import type { KObject } from '../../api/types';
import { SyncBudget } from '../util/syncBudget';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory } from '../types';
import { apiserverIP, isApiserverService } from './apiserver';
import { managedSelector, ServiceMembership } from './membership';
import { apiserverEndpoints, reconcileEndpoints } from './reconcile';
import { TriggerTimeTracker } from './triggerTime';

export const ENDPOINTS_CONTROLLER = 'endpoints-controller';

export const endpointsController: ControllerFactory = {
  name: ENDPOINTS_CONTROLLER,
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
    // A deleted Endpoints object of a managed Service is recreated.
    ctx.watch('endpoints', { delete: (ep) => q.add(keyOf(ep)) });

    function sync(key: string): void {
      budget.spend(key);
      const [ns, name] = splitKey(key);
      const svc = ctx.client.get('services', ns, name);
      const current = ctx.client.get('endpoints', ns, name);
      if (isApiserverService(ns, name)) return syncApiserver(svc, current);
      const sel = svc ? managedSelector(svc) : undefined;
      const pods = sel ? ctx.client.list('pods', { namespace: ns, selector: selectorFromSet(sel) }) : [];
      const trigger = svc && sel ? triggers.compute(svc, pods) : undefined;
      if (!svc) triggers.forget(key);
      const plan = reconcileEndpoints(svc, pods, current, trigger);
      if (plan.action === 'create') ctx.client.create('endpoints', plan.endpoints);
      else if (plan.action === 'update') ctx.client.update('endpoints', plan.endpoints);
      else if (plan.action === 'delete') ctx.client.delete('endpoints', ns, name);
    }

    function syncApiserver(svc: KObject | undefined, current: KObject | undefined): void {
      const ip = apiserverIP(ctx.client);
      if (!svc || managedSelector(svc) || !ip) return;
      const want = apiserverEndpoints(ip, current);
      if (want) current ? ctx.client.update('endpoints', want) : ctx.client.create('endpoints', want);
    }
  },
};
