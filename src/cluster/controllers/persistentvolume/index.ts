/**
 * persistentvolume-binder-controller: binds unbound PersistentVolumeClaims to matching volumes,
 * keeps volume phases (Available / Bound / Released), hands claims of provisioner classes to their
 * (external) provisioner, and waits for a pod on WaitForFirstConsumer classes. Pending claims are
 * looked at again every 15 s (--pvclaimbinder-sync-period), re-recording their events as upstream.
 */
import { clone, type KObject } from '../../api/types';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  bindWrites,
  boundClaimStatus,
  claimClass,
  delayBindingEvent,
  externalProvisioningMessage,
  findBestMatch,
  isDelayBinding,
  isVolumeBoundToClaim,
  syncVolume,
  volumeMismatch,
} from './reconcile';

export { localPathProvisioner } from './provisioner';

export const PV_BINDER = 'persistentvolume-binder-controller';
const COMPONENT = 'persistentvolume-controller';
const PVS = 'persistentvolumes';
const PVCS = 'persistentvolumeclaims';
const RESYNC_MS = 15_000;

export const persistentVolumeBinder: ControllerFactory = {
  name: PV_BINDER,
  start(ctx: ControllerContext) {
    const { client, recorder } = ctx;
    const claims = ctx.queue('claims', syncClaim);
    const volumes = ctx.queue('volumes', syncVolumeKey);
    const claimKeyOf = (v: KObject) => (v.spec?.claimRef ? `${v.spec.claimRef.namespace}/${v.spec.claimRef.name}` : undefined);
    const onClaim = (c: KObject) => claims.add(keyOf(c));
    ctx.watch(PVCS, {
      add: onClaim,
      update: onClaim,
      delete: (c) => {
        for (const v of client.list(PVS)) if (claimKeyOf(v) === keyOf(c)) volumes.add(v.metadata.name!);
      },
    });
    const onVolume = (v: KObject) => {
      volumes.add(v.metadata.name!);
      const ck = claimKeyOf(v);
      if (ck) claims.add(ck);
    };
    ctx.watch(PVS, { add: onVolume, update: onVolume, delete: onVolume });

    const now = () => client.api.ctx.now;

    function setVolumePhase(v: KObject, phase: string): KObject {
      if (v.status?.phase === phase) return v;
      return client.updateStatus(PVS, { ...clone(v), status: { ...v.status, phase, lastPhaseTransitionTime: now() } });
    }

    function setClaimPending(c: KObject): void {
      if (c.status?.phase !== 'Pending') client.updateStatus(PVCS, { ...clone(c), status: { ...c.status, phase: 'Pending' } });
    }

    function bind(v: KObject, c: KObject): void {
      const w = bindWrites(v, c);
      const vol = setVolumePhase(w.volume ? client.update(PVS, w.volume) : v, 'Bound');
      const claim = w.claim ? client.update(PVCS, w.claim) : c;
      if (claim.status?.phase !== 'Bound') client.updateStatus(PVCS, { ...clone(claim), status: boundClaimStatus(claim, vol) });
    }

    /** Names of pods that use the claim and are not scheduled yet. */
    function podsWaitingFor(c: KObject): string[] {
      return client
        .list('pods', { namespace: c.metadata.namespace, filter: (p) => !p.spec?.nodeName && (p.spec?.volumes ?? []).some((vol: { persistentVolumeClaim?: { claimName: string } }) => vol.persistentVolumeClaim?.claimName === c.metadata.name) })
        .map((p) => p.metadata.name!);
    }

    function syncClaim(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const c = client.get(PVCS, ns, name);
      if (!c || c.metadata.deletionTimestamp) return;
      if (c.spec?.volumeName) return syncRequestedVolume(c);
      const cls = claimClass(c) ? client.get('storage.k8s.io/storageclasses', undefined, claimClass(c)) : undefined;
      const delay = isDelayBinding(c, cls);
      const match = findBestMatch(c, client.list(PVS), delay);
      if (match) return bind(match, c);
      const ann = c.metadata.annotations ?? {};
      if (delay && !ann[ANN_SELECTED_NODE]) {
        const e = delayBindingEvent(podsWaitingFor(c));
        recorder.event(c, 'Normal', e.reason, e.message, COMPONENT);
      } else if (claimClass(c)) {
        if (!cls) {
          recorder.event(c, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${claimClass(c)}" not found`, COMPONENT);
        } else {
          let claim = c;
          if (ann[ANN_STORAGE_PROVISIONER] !== cls.provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== cls.provisioner)
            claim = client.update(PVCS, { ...clone(c), metadata: { ...clone(c.metadata), annotations: { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: cls.provisioner, [ANN_STORAGE_PROVISIONER]: cls.provisioner } } });
          recorder.event(claim, 'Normal', 'ExternalProvisioning', externalProvisioningMessage(cls.provisioner), COMPONENT);
          return { requeueAfterMs: RESYNC_MS };
        }
      } else {
        recorder.event(c, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', COMPONENT);
      }
      setClaimPending(c);
      return { requeueAfterMs: RESYNC_MS };
    }

    /** The user (or an earlier bind) named a volume: finish binding, or wait. */
    function syncRequestedVolume(c: KObject): SyncResult {
      const v = client.get(PVS, undefined, c.spec.volumeName);
      if (c.status?.phase === 'Bound' && v && isVolumeBoundToClaim(v, c)) return;
      if (!v) {
        if (c.status?.phase === 'Bound') {
          client.updateStatus(PVCS, { ...clone(c), status: { ...c.status, phase: 'Lost' } });
          recorder.event(c, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', COMPONENT);
          return;
        }
        setClaimPending(c);
        return { requeueAfterMs: RESYNC_MS };
      }
      if (!v.spec?.claimRef) {
        const why = volumeMismatch(v, c);
        if (!why) return bind(v, c);
        recorder.event(c, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${v.metadata.name}": ${why}`, COMPONENT);
      } else if (isVolumeBoundToClaim(v, c)) return bind(v, c);
      setClaimPending(c);
      return { requeueAfterMs: RESYNC_MS };
    }

    function syncVolumeKey(name: string): void {
      const v = client.get(PVS, undefined, name);
      if (!v) return;
      const ref = v.spec?.claimRef;
      const claim = ref ? client.get(PVCS, ref.namespace, ref.name) : undefined;
      const a = syncVolume(v, claim);
      if (a.type === 'phase') setVolumePhase(v, a.phase);
      else if (a.type === 'syncClaim') claims.add(`${ref.namespace}/${ref.name}`);
    }
  },
};
