/**
 * persistentvolume-binder-controller's pure core (pkg/controller/volume/persistentvolume, v1.32):
 * which PersistentVolume an unbound claim gets (pre-bound first, else the smallest Available volume
 * with the class, access modes, size, volume mode and selector it asks for), what binding writes on
 * both objects, and what a volume's phase should be (Available / Bound / Released).
 */
import { matches, selectorFromLabelSelector } from '../../api/labels';
import { compareQuantity, parseQuantity, type Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetPersistentVolumeClaimClass / GetPersistentVolumeClass. */
export const claimClass = (c: KObject): string => c.metadata.annotations?.[BETA_CLASS] ?? c.spec?.storageClassName ?? '';
export const volumeClass = (v: KObject): string => v.metadata.annotations?.[BETA_CLASS] ?? v.spec?.storageClassName ?? '';

const quantity = (q: unknown): Quantity | undefined => {
  try {
    return q == null ? undefined : parseQuantity(q as string);
  } catch {
    return undefined;
  }
};

/** IsVolumeBoundToClaim: claimRef names the claim (and its uid, once set). */
export function isVolumeBoundToClaim(v: KObject, c: KObject): boolean {
  const ref = v.spec?.claimRef;
  if (!ref || ref.name !== c.metadata.name || ref.namespace !== c.metadata.namespace) return false;
  return !ref.uid || ref.uid === c.metadata.uid;
}

/** True when the claim's class binds only once a pod using it is scheduled. */
export const isDelayBinding = (_claim: KObject, cls: KObject | undefined) => cls?.volumeBindingMode === 'WaitForFirstConsumer';

/** findMatchingVolume (without a node): pre-bound volumes win; delayed binding takes nothing else. */
export function findBestMatch(claim: KObject, volumes: readonly KObject[], delayBinding: boolean): KObject | undefined {
  const requested = quantity(claim.spec?.resources?.requests?.storage);
  const modes: string[] = claim.spec?.accessModes ?? [];
  const claimMode = claim.spec?.volumeMode ?? 'Filesystem';
  let sel: ReturnType<typeof selectorFromLabelSelector> = null;
  try {
    sel = claim.spec?.selector ? selectorFromLabelSelector(claim.spec.selector) : null;
  } catch {
    return undefined;
  }
  let best: { v: KObject; size: Quantity; modes: number } | undefined;
  for (const v of volumes) {
    const vModes: string[] = v.spec?.accessModes ?? [];
    if (!modes.every((m) => vModes.includes(m))) continue;
    if (v.spec?.claimRef && !isVolumeBoundToClaim(v, claim)) continue;
    const size = quantity(v.spec?.capacity?.storage);
    if (!size || (requested && compareQuantity(size, requested) < 0)) continue;
    if ((v.spec?.volumeMode ?? 'Filesystem') !== claimMode) continue;
    if (v.metadata.deletionTimestamp) continue;
    if (isVolumeBoundToClaim(v, claim)) return v;
    if (delayBinding) continue;
    if (v.status?.phase !== 'Available' || v.spec?.claimRef) continue;
    if (sel && !matches(sel, v.metadata.labels)) continue;
    if (volumeClass(v) !== claimClass(claim)) continue;
    // Fewest access modes first (the access-mode index order), then the smallest size.
    if (!best || vModes.length < best.modes || (vModes.length === best.modes && compareQuantity(best.size, size) > 0)) best = { v, size, modes: vModes.length };
  }
  return best?.v;
}

/** checkVolumeSatisfyClaim: why a requested volume cannot serve the claim, or undefined. */
export function volumeMismatch(v: KObject, c: KObject): string | undefined {
  const size = quantity(v.spec?.capacity?.storage);
  const requested = quantity(c.spec?.resources?.requests?.storage);
  if (size && requested && compareQuantity(size, requested) < 0) return 'requested PV is too small';
  if (volumeClass(v) !== claimClass(c)) return 'storageClassName does not match';
  if ((v.spec?.volumeMode ?? 'Filesystem') !== (c.spec?.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  const vModes: string[] = v.spec?.accessModes ?? [];
  if (!(c.spec?.accessModes ?? []).every((m: string) => vModes.includes(m))) return 'incompatible accessMode';
  return undefined;
}

export interface BindWrites {
  /** The volume with claimRef set (undefined: already right). */
  volume?: KObject;
  /** The claim with volumeName and the binding annotations (undefined: already right). */
  claim?: KObject;
}

/** bindVolumeToClaim + bindClaimToVolume: the main-resource writes of a binding. */
export function bindWrites(volume: KObject, claim: KObject): BindWrites {
  const out: BindWrites = {};
  const ref = volume.spec?.claimRef;
  if (!ref || ref.uid !== claim.metadata.uid || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) {
    const annotations = { ...(volume.metadata.annotations ?? {}) };
    if (!ref) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    out.volume = {
      ...volume,
      metadata: { ...volume.metadata, annotations },
      spec: {
        ...volume.spec,
        claimRef: { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion },
      },
    };
  }
  const ann = claim.metadata.annotations ?? {};
  if (claim.spec?.volumeName !== volume.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
    const annotations: Record<string, string> = { ...ann, [ANN_BIND_COMPLETED]: 'yes' };
    if (claim.spec?.volumeName !== volume.metadata.name) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    out.claim = { ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...claim.spec, volumeName: volume.metadata.name } };
  }
  return out;
}

/** The Bound claim status: the volume's access modes and capacity. */
export function boundClaimStatus(claim: KObject, volume: KObject): KObject['status'] {
  return { ...(claim.status ?? {}), phase: 'Bound', accessModes: volume.spec?.accessModes, capacity: volume.spec?.capacity };
}

export type VolumeAction = { type: 'none' } | { type: 'phase'; phase: 'Available' | 'Bound' | 'Released' } | { type: 'syncClaim' };

/** syncVolume: the phase a volume should show given its claim (undefined: not found). */
export function syncVolume(v: KObject, claim: KObject | undefined): VolumeAction {
  const ref = v.spec?.claimRef;
  const phase = v.status?.phase;
  const want = (p: 'Available' | 'Bound' | 'Released'): VolumeAction => (phase === p ? { type: 'none' } : { type: 'phase', phase: p });
  if (!ref) return want('Available');
  if (!ref.uid) return claim && !claim.spec?.volumeName ? { type: 'syncClaim' } : want('Available');
  if (!claim || claim.metadata.uid !== ref.uid) return phase === 'Failed' ? { type: 'none' } : want('Released');
  if (!claim.spec?.volumeName) return { type: 'syncClaim' };
  if (claim.spec.volumeName === v.metadata.name) return want('Bound');
  return want('Released');
}

/** The ExternalProvisioning event text (provisionClaimOperationExternal). */
export const externalProvisioningMessage = (provisioner: string) =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

/** emitEventForUnboundDelayBindingClaim: which pods (not yet scheduled) are waiting on the claim. */
export function delayBindingEvent(podsWaiting: readonly string[]): { reason: string; message: string } {
  if (!podsWaiting.length) return { reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' };
  if (podsWaiting.length === 1) return { reason: 'WaitForPodScheduled', message: `waiting for pod ${podsWaiting[0]} to be scheduled` };
  return { reason: 'WaitForPodScheduled', message: `waiting for pods ${podsWaiting.join(',')} to be scheduled` };
}

/** A provisioned volume for a claim, as rancher.io/local-path (sig-storage-lib-external-provisioner) creates it. */
export function localPathVolume(claim: KObject, cls: KObject, node: string | undefined): KObject {
  const name = `pvc-${claim.metadata.uid}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: { [ANN_PROVISIONED_BY]: cls.provisioner, ...(node ? { 'local.path.provisioner/selected-node': node } : {}) },
    },
    spec: {
      accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid },
      hostPath: { path: `/var/local-path-provisioner/${name}_${claim.metadata.namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
      persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
      storageClassName: cls.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    },
  };
}
