/**
 * A simulated rancher.io/local-path provisioner (what kind runs as local-path-provisioner): claims
 * handed to it by the binder (volume.kubernetes.io/storage-provisioner) get a `pvc-<uid>` hostPath
 * volume pinned to the selected node, pre-bound to the claim; Released volumes with reclaimPolicy
 * Delete that it provisioned are deleted.
 */
import { ApiError } from '../../api/errors';
import type { KObject } from '../../api/types';
import { randomSuffix, uuid } from '../../sim/ids';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory } from '../types';
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass, isDelayBinding, localPathVolume } from './reconcile';

export const LOCAL_PATH_PROVISIONER = 'local-path-provisioner';
export const LOCAL_PATH = 'rancher.io/local-path';

export const localPathProvisioner: ControllerFactory = {
  name: LOCAL_PATH_PROVISIONER,
  start(ctx: ControllerContext) {
    const { client, recorder } = ctx;
    // Events carry the provisioner's identity: <name>_<pod>_<uuid>, like sig-storage-lib-external-provisioner.
    const identity = `${LOCAL_PATH}_local-path-provisioner-${randomSuffix(ctx.rng, 10)}-${randomSuffix(ctx.rng, 5)}_${uuid(ctx.rng)}`;
    const claims = ctx.queue('claims', syncClaim);
    const volumes = ctx.queue('volumes', syncVolume);
    const onClaim = (c: KObject) => {
      if (c.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === LOCAL_PATH && !c.spec?.volumeName) claims.add(keyOf(c));
    };
    ctx.watch('persistentvolumeclaims', { add: onClaim, update: onClaim });
    const onVolume = (v: KObject) => {
      if (v.metadata.annotations?.[ANN_PROVISIONED_BY] === LOCAL_PATH && v.status?.phase === 'Released') volumes.add(v.metadata.name!);
    };
    ctx.watch('persistentvolumes', { add: onVolume, update: onVolume });

    function syncClaim(key: string): void {
      const [ns, name] = splitKey(key);
      const c = client.get('persistentvolumeclaims', ns, name);
      if (!c || c.spec?.volumeName || c.metadata.deletionTimestamp) return;
      const cls = client.get('storage.k8s.io/storageclasses', undefined, claimClass(c));
      if (!cls || cls.provisioner !== LOCAL_PATH) return;
      const node = c.metadata.annotations?.[ANN_SELECTED_NODE];
      // local-path volumes live on one node: it needs the scheduler's choice first.
      if (isDelayBinding(c, cls) && !node) return;
      if (client.get('persistentvolumes', undefined, `pvc-${c.metadata.uid}`)) return;
      recorder.event(c, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${name}"`, identity);
      try {
        const pv = client.create('persistentvolumes', localPathVolume(c, cls, node));
        recorder.event(c, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, identity);
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 409) throw e;
      }
    }

    function syncVolume(name: string): void {
      const v = client.get('persistentvolumes', undefined, name);
      if (!v || v.status?.phase !== 'Released' || v.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
      client.delete('persistentvolumes', undefined, name);
    }
  },
};
