/**
 * disruption-controller: keeps every PodDisruptionBudget's status from the pods it selects and
 * their controllers' scale. Pod events reach only the budgets of the pod's namespace that select
 * it; controller scale changes resync the budgets of their namespace.
 */
import { matches, selectorFromLabelSelector } from '../../api/labels';
import { clone, type KObject } from '../../api/types';
import { resourceKey } from '../../apiserver/types';
import { controllerRef, keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { PDBS } from './eviction';
import { countHealthy, disruptedPodMap, expectedPodCount, failSafeStatus, goLabelSelector, pdbStatus, type ExpectedScale } from './reconcile';

export { checkEviction, evictPod } from './eviction';

export const DISRUPTION_CONTROLLER = 'disruption-controller';
const COMPONENT = 'controllermanager';

export const disruptionController: ControllerFactory = {
  name: DISRUPTION_CONTROLLER,
  start(ctx: ControllerContext) {
    const { client, recorder } = ctx;
    const q = ctx.queue('pdbs', sync);
    const onPdb = (p: KObject) => q.add(keyOf(p));
    ctx.watch(PDBS, { add: onPdb, update: onPdb, delete: onPdb });
    const onPod = (pod: KObject) => {
      for (const pdb of client.list(PDBS, { namespace: pod.metadata.namespace })) {
        const sel = selectorOf(pdb);
        if (sel && matches(sel, pod.metadata.labels)) q.add(keyOf(pdb));
      }
    };
    ctx.watch('pods', { add: onPod, update: onPod, delete: onPod });
    const onScaled = (o: KObject) => {
      for (const pdb of client.list(PDBS, { namespace: o.metadata.namespace })) q.add(keyOf(pdb));
    };
    for (const r of ['apps/replicasets', 'apps/deployments', 'apps/statefulsets']) ctx.watch(r, { update: onScaled, delete: onScaled });

    function selectorOf(pdb: KObject) {
      try {
        return selectorFromLabelSelector(pdb.spec?.selector);
      } catch {
        return null;
      }
    }

    /** The finders: a Deployment through its ReplicaSet, else any kind with a scale subresource. */
    function controllerScale(ref: { apiVersion: string; kind: string; name: string; uid: string }, ns: string): { uid: string; scale: number } | undefined {
      const def = client.api.registry.forKind(ref.apiVersion, ref.kind);
      if (!def?.scale) return undefined;
      const o = client.get(resourceKey(def), ns, ref.name);
      if (!o || o.metadata.uid !== ref.uid) return undefined;
      if (ref.kind === 'ReplicaSet') {
        const d = controllerRef(o);
        const dep = d?.kind === 'Deployment' ? client.get('apps/deployments', ns, d.name) : undefined;
        if (dep && dep.metadata.uid === d!.uid) return { uid: dep.metadata.uid!, scale: dep.spec?.replicas ?? 1 };
      }
      return { uid: o.metadata.uid!, scale: def.scale.specReplicas(o) };
    }

    function expectedScale(pods: readonly KObject[]): ExpectedScale {
      const scales = new Map<string, number>();
      const seen = new Set<string>();
      const unmanaged: string[] = [];
      for (const pod of pods) {
        const ref = controllerRef(pod);
        if (!ref) {
          unmanaged.push(pod.metadata.name!);
          continue;
        }
        if (seen.has(ref.uid)) continue;
        seen.add(ref.uid);
        const found = controllerScale(ref, pod.metadata.namespace!);
        if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata.name)}`);
        scales.set(found.uid, found.scale);
      }
      let count = 0;
      for (const n of scales.values()) count += n;
      return { count, unmanaged };
    }

    function sync(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const pdb = client.get(PDBS, ns, name);
      if (!pdb) return;
      const sel = selectorOf(pdb);
      const pods = sel ? client.list('pods', { namespace: ns, selector: sel }) : [];
      const now = client.api.ctx.now;
      const nowMs = client.api.clock.now();
      if (!pods.length) recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found', COMPONENT);
      let counts;
      try {
        counts = expectedPodCount(pdb, pods, () => expectedScale(pods));
      } catch (e) {
        const msg = (e as Error).message;
        recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${msg}`, COMPONENT);
        client.updateStatus(PDBS, { ...clone(pdb), status: failSafeStatus(pdb, msg, now) });
        return;
      }
      if (counts.unmanaged.length)
        recorder.event(
          pdb,
          'Warning',
          'UnmanagedPods',
          `Pods selected by this PodDisruptionBudget (selector: ${goLabelSelector(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
          COMPONENT,
        );
      const disrupted = disruptedPodMap(pdb, pods, nowMs);
      // Upstream prints the budget's namespace twice here.
      for (const podName of disrupted.overdue)
        recorder.event(pods.find((p) => p.metadata.name === podName)!, 'Warning', 'NotDeleted', `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`, COMPONENT);
      const status = pdbStatus(pdb, countHealthy(pods, disrupted.map, nowMs), counts.desiredHealthy, counts.expected, disrupted.map, now);
      if (status) client.updateStatus(PDBS, { ...clone(pdb), status });
      if (disrupted.recheckAt !== undefined) return { requeueAfterMs: disrupted.recheckAt - nowMs };
    }
  },
};
