/**
 * serviceaccount-controller: a `default` ServiceAccount in every active namespace (recreated when
 * deleted). root-ca-certificate-publisher-controller: a `kube-root-ca.crt` ConfigMap in every
 * namespace, kept at the cluster CA. Both only react to namespace and to their own object's events.
 */
import { ApiError } from '../../api/errors';
import type { KObject } from '../../api/types';
import type { ControllerContext, ControllerFactory } from '../types';
import { CLUSTER_CA, ROOT_CA_CONFIGMAP, rootCAPlan, serviceAccountToCreate } from './reconcile';

export const SERVICEACCOUNT_CONTROLLER = 'serviceaccount-controller';
export const ROOT_CA_PUBLISHER = 'root-ca-certificate-publisher-controller';

/** AlreadyExists (someone was first) and Forbidden/NotFound (namespace going away) end a sync quietly. */
function ignoreBenign(write: () => void): void {
  try {
    write();
  } catch (e) {
    if (!(e instanceof ApiError) || ![403, 404, 409].includes(e.code)) throw e;
  }
}

export const serviceAccountController: ControllerFactory = {
  name: SERVICEACCOUNT_CONTROLLER,
  start(ctx: ControllerContext) {
    const q = ctx.queue('namespaces', (ns) => {
      const sa = serviceAccountToCreate(ctx.client.get('namespaces', undefined, ns), ctx.client.get('serviceaccounts', ns, 'default'));
      if (sa) ignoreBenign(() => ctx.client.create('serviceaccounts', sa));
    });
    const onNs = (ns: KObject) => q.add(ns.metadata.name!);
    ctx.watch('namespaces', { add: onNs, update: onNs });
    ctx.watch('serviceaccounts', {
      delete: (sa) => {
        if (sa.metadata.name === 'default') q.add(sa.metadata.namespace!);
      },
    });
  },
};

export const rootCAPublisher: ControllerFactory = {
  name: ROOT_CA_PUBLISHER,
  start(ctx: ControllerContext) {
    const q = ctx.queue('namespaces', (ns) => {
      const plan = rootCAPlan(ctx.client.get('namespaces', undefined, ns), ctx.client.get('configmaps', ns, ROOT_CA_CONFIGMAP), CLUSTER_CA);
      if (plan.action === 'create') ignoreBenign(() => ctx.client.create('configmaps', plan.configMap));
      else if (plan.action === 'update') ctx.client.update('configmaps', plan.configMap);
    });
    const onNs = (ns: KObject) => q.add(ns.metadata.name!);
    ctx.watch('namespaces', { add: onNs, update: onNs });
    const onCm = (cm: KObject) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) q.add(cm.metadata.namespace!);
    };
    ctx.watch('configmaps', { update: onCm, delete: onCm });
  },
};
