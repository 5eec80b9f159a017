/**
 * pod-garbage-collector-controller: every 20 s force-deletes terminated pods beyond the threshold
 * (12,500), unscheduled terminating pods and terminating pods on out-of-service nodes; pods bound to
 * a node that has been gone for the 40 s quarantine are marked Failed with DisruptionTarget
 * (DeletionByPodGC) and force-deleted.
 */
import { ApiError } from '../../api/errors';
import { clone, type KObject } from '../../api/types';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { failedStatus, isTerminated, ORPHAN_CONDITION, outOfServiceNode, terminatedToDelete } from './reconcile';

export const POD_GC = 'pod-garbage-collector-controller';
const GC_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;

export const podGarbageCollector: ControllerFactory = {
  name: POD_GC,
  start(ctx: ControllerContext) {
    const { client, config } = ctx;
    // Terminated pods, kept from watch events so the periodic pass never lists every pod.
    const terminated = new Set<string>();
    const gcQ = ctx.queue('gc', () => {
      gc();
      return { requeueAfterMs: GC_PERIOD_MS };
    });
    const nodesQ = ctx.queue('missing-nodes', gcOrphaned);
    const trackPod = (p: KObject) => {
      if (isTerminated(p)) terminated.add(keyOf(p));
      else terminated.delete(keyOf(p));
      const node = p.spec?.nodeName;
      if (node && !client.get('nodes', undefined, node)) nodesQ.addAfter(node, QUARANTINE_MS);
    };
    // Only the phase (terminated or not) and the node matter: skip the other updates.
    const onUpdate = (p: KObject, _rv: number, old?: KObject) => {
      if (old && old.spec?.nodeName === p.spec?.nodeName && isTerminated(old) === isTerminated(p)) return;
      trackPod(p);
    };
    ctx.watch('pods', { add: trackPod, update: onUpdate, delete: (p) => terminated.delete(keyOf(p)) });
    ctx.watch('nodes', { delete: (n) => nodesQ.addAfter(n.metadata.name!, QUARANTINE_MS) });
    gcQ.add('gc');

    function forceDelete(pod: KObject, condition?: typeof ORPHAN_CONDITION): void {
      try {
        const status = failedStatus(pod, condition, client.api.ctx.now);
        if (status) client.updateStatus('pods', { ...clone(pod), status });
        client.delete('pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 404) throw e;
      }
    }

    function gc(): void {
      if (config.terminatedPodGcThreshold > 0 && terminated.size > config.terminatedPodGcThreshold) {
        const pods = [...terminated].map((k) => client.get('pods', ...splitKey(k))).filter((p): p is KObject => !!p);
        for (const p of terminatedToDelete(pods, config.terminatedPodGcThreshold)) forceDelete(p);
      }
      for (const node of client.list('nodes'))
        if (outOfServiceNode(node)) for (const p of client.byIndex('pods', 'nodeName', node.metadata.name!)) if (p.metadata.deletionTimestamp) forceDelete(p);
      for (const p of client.byIndex('pods', 'nodeName', '')) if (p.metadata.deletionTimestamp) forceDelete(p);
    }

    /** A node missing for the quarantine period: its pods are orphans. */
    function gcOrphaned(node: string): SyncResult {
      if (client.get('nodes', undefined, node)) return;
      for (const p of client.byIndex('pods', 'nodeName', node)) forceDelete(p, ORPHAN_CONDITION);
    }
  },
};
