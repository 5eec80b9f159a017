/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount, v1.32), on pod CREATE: defaults
 * spec.serviceAccountName to `default`, requires the account to exist, mounts the projected API
 * token volume `kube-api-access-xxxxx` into every container and copies the account's
 * imagePullSecrets. Upstream retries a missing `default` account for ~1s while the controller creates
 * it; here a missing `default` account is accepted (the simulated controller may lag a tick).
 */
import { deepFreeze } from '../../api/types';
import { randomSuffix } from '../../sim/ids';
import type { Rng } from '../../sim/rng';
import type { AdmissionPlugin } from './types';
import { forbidden, isPod, tryGet } from './util';

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
const MIRROR = 'kubernetes.io/config.mirror';

/** TokenVolumeSource(): token (3607s, the warn-only bound-token expiry), CA bundle and namespace. */
export function tokenVolumeSource() {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  };
}

// Every pod mounts the same token source: one frozen copy is shared by all of them (stored objects
// are frozen anyway), which saves memory per pod and lets validation recognise it.
const TOKEN_SOURCE = deepFreeze(tokenVolumeSource());

export const serviceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a, ctx) {
    if (!isPod(a) || a.operation !== 'CREATE' || !a.object) return;
    const pod = a.object;
    // Mirror pods are left alone (the kubelet would fight any change to their spec).
    if (pod.metadata.annotations?.[MIRROR] !== undefined) return;
    const spec = (pod.spec ??= {});
    if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
    const name: string = spec.serviceAccountName;
    const sa = tryGet(ctx, 'serviceaccounts', a.namespace, name);
    if (sa === undefined && name !== 'default')
      throw forbidden(a, `error looking up service account ${a.namespace}/${name}: serviceaccount "${name}" not found`);
    const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
    if (automount) mountToken(spec, ctx.rng);
    const pullSecrets = sa?.imagePullSecrets ?? [];
    if (!(spec.imagePullSecrets?.length) && pullSecrets.length)
      spec.imagePullSecrets = pullSecrets.map((s: { name?: string }) => ({ name: s.name }));
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mountToken(spec: any, rng: Rng): void {
  spec.volumes ??= [];
  let existing: { name: string } | undefined;
  for (const v of spec.volumes) if (typeof v?.name === 'string' && v.name.startsWith(VOLUME_PREFIX) && !existing) existing = v;
  const volumeName: string = existing?.name ?? VOLUME_PREFIX + randomSuffix(rng, 5);
  let needsVolume = false;
  for (const list of [spec.initContainers, spec.containers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!c || typeof c !== 'object') continue;
      c.volumeMounts ??= [];
      // A container that already mounts something at the token path keeps it.
      if (mountsTokenPath(c.volumeMounts)) continue;
      c.volumeMounts.push({ name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH });
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes.push({ name: volumeName, projected: TOKEN_SOURCE });
  if (spec.volumes.length === 0) delete spec.volumes;
}

function mountsTokenPath(mounts: { mountPath?: string }[]): boolean {
  for (const m of mounts) if (m?.mountPath === TOKEN_MOUNT_PATH) return true;
  return false;
}
