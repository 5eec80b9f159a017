/**
 * serviceaccount-controller and root-ca-certificate-publisher-controller, pure parts (v1.32): every
 * active namespace has a `default` ServiceAccount and a `kube-root-ca.crt` ConfigMap with the
 * cluster CA and its description annotation.
 */
import { deepEqual } from '../../api/equal';
import type { KObject } from '../../api/types';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
/** The simulated cluster CA (the same bundle bootstrap publishes). */
export const CLUSTER_CA = '-----BEGIN CERTIFICATE-----\nkubeplay-simulated-cluster-ca\n-----END CERTIFICATE-----\n';

/** Only Active namespaces get content (a terminating one refuses creates anyway). */
export const isActive = (ns: KObject | undefined): ns is KObject => !!ns && !ns.metadata.deletionTimestamp && (ns.status?.phase ?? 'Active') === 'Active';

/** The `default` ServiceAccount to create, or undefined when it exists or the namespace is not active. */
export function serviceAccountToCreate(ns: KObject | undefined, existing: KObject | undefined): KObject | undefined {
  if (!isActive(ns) || existing) return undefined;
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns.metadata.name } };
}

export type RootCAPlan = { action: 'none' } | { action: 'create' | 'update'; configMap: KObject };

/** syncNamespace: create the ConfigMap, or restore its data and description annotation. */
export function rootCAPlan(ns: KObject | undefined, cm: KObject | undefined, ca: string): RootCAPlan {
  if (!isActive(ns)) return { action: 'none' };
  const data = { 'ca.crt': ca };
  if (!cm)
    return {
      action: 'create',
      configMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns.metadata.name, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data },
    };
  if (deepEqual(cm.data ?? {}, data) && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return { action: 'none' };
  return {
    action: 'update',
    configMap: { ...cm, metadata: { ...cm.metadata, annotations: { ...(cm.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data },
  };
}
