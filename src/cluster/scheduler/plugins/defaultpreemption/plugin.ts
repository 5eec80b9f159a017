/**
 * DefaultPreemption (PostFilter): when no node fits, find nodes where evicting lower-priority pods
 * would make room, pick the cheapest, nominate it (status.nominatedNodeName) and delete the victims
 * gracefully — each gets a DisruptionTarget condition and a `Preempted` event.
 */
import { ApiError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { fitErrorMessage, newDiagnosis } from '../../framework/fitError';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import { NodeToStatus } from '../../framework/nodeToStatus';
import type { PodInfo } from '../../framework/podInfo';
import { Code, Status, stateKey, type PostFilterPlugin, type PostFilterResult } from '../../framework/types';
import { numCandidates, pickOneNode, selectVictimsOnNode, type Candidate } from './candidates';
import type { Rng } from '../../../sim/rng';

export const Name = 'DefaultPreemption';
/** The victims chosen in this cycle (for explanations). */
export const VICTIMS_KEY = stateKey<string[]>('PreemptionVictims');

const NOT_HELPFUL = new Status(Code.UnschedulableAndUnresolvable, ['Preemption is not helpful for scheduling'], Name);

/** podTerminatingByPreemption: being deleted with DisruptionTarget=True from the scheduler. */
function terminatingByPreemption(p: PodInfo): boolean {
  if (!p.terminating) return false;
  return (p.pod.status?.conditions ?? []).some(
    (c: KObject) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler',
  );
}

function tryApi(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}

export function newDefaultPreemption(h: Handle, rng: Rng): PostFilterPlugin {
  /** ClearNominatedNodeName for pods whose status carries one. */
  const clearNomination = (p: KObject) => {
    if (!p.status?.nominatedNodeName) return;
    const status = { ...p.status };
    delete status.nominatedNodeName;
    tryApi(() => h.client.updateStatus('pods', { ...p, status }));
  };

  /** PodEligibleToPreemptOthers: a reason when the pod may not preempt. */
  const ineligible = (pod: PodInfo, m: NodeToStatus): string | undefined => {
    if (pod.pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
    const nnn: string | undefined = pod.pod.status?.nominatedNodeName;
    if (!nnn || m.get(nnn).code === Code.UnschedulableAndUnresolvable) return undefined;
    const n = h.cache.get(nnn);
    if (n?.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p)))
      return 'not eligible due to a terminating pod on the nominated node.';
    return undefined;
  };

  /** prepareCandidate: evict the victims, then drop lower-priority nominations on that node. */
  const prepare = (pod: PodInfo, c: Candidate) => {
    const now = h.clock.nowRFC3339();
    for (const v of c.victims) {
      const live = h.client.get('pods', v.namespace, v.name);
      if (live && live.metadata.uid === v.uid) {
        const conds: KObject[] = live.status?.conditions ?? [];
        const cond = {
          type: 'DisruptionTarget',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: now,
          reason: 'PreemptionByScheduler',
          message: `${h.schedulerName}: preempting to accommodate a higher priority pod`,
        };
        const old = conds.find((x) => x.type === 'DisruptionTarget');
        if (!old || old.status !== 'True' || old.reason !== cond.reason || old.message !== cond.message) {
          const status = { ...(live.status ?? {}), conditions: [...conds.filter((x) => x.type !== 'DisruptionTarget'), cond] };
          tryApi(() => h.client.updateStatus('pods', { ...live, status }));
        }
        tryApi(() => void h.client.delete('pods', v.namespace, v.name));
      }
      h.recorder.event(v.pod, 'Normal', 'Preempted', `Preempted by pod ${pod.uid} on node ${c.node}`, h.schedulerName);
    }
    for (const np of h.nominator.podsForNode(c.node)) if (np.priority < pod.priority) clearNomination(np.pod);
  };

  return {
    name: Name,
    postFilter(state, pod: PodInfo, m: NodeToStatus): PostFilterResult {
      const fw = h.framework!;
      const reason = ineligible(pod, m);
      if (reason) return { status: new Status(Code.Unschedulable, [`preemption: ${reason}`]) };
      const all = h.cache.list();
      const potential: NodeInfo[] = all.filter((n) => m.get(n.name).code === Code.Unschedulable);
      const statuses = new NodeToStatus();
      const candidates: Candidate[] = [];
      if (potential.length === 0) clearNomination(pod.pod);
      else {
        const pdbs = listPDBs(h);
        const offset = rng.int(potential.length);
        const want = numCandidates(potential.length);
        const nonViolating: Candidate[] = [];
        const violating: Candidate[] = [];
        const now = h.clock.now();
        for (let i = 0; i < potential.length; i++) {
          const n = potential[(offset + i) % potential.length]!;
          const r = selectVictimsOnNode(fw, state.clone(), pod, n.clone(), pdbs, now);
          if (r instanceof Status) {
            statuses.set(n.name, r);
            continue;
          }
          if (r.victims.length === 0) {
            statuses.set(n.name, new Status(Code.Error, [`expected at least one victim pod on node "${n.name}"`]));
            continue;
          }
          (r.numPDBViolations === 0 ? nonViolating : violating).push({ node: n.name, ...r });
          if (nonViolating.length > 0 && nonViolating.length + violating.length >= want) break;
        }
        candidates.push(...nonViolating, ...violating);
      }
      if (candidates.length === 0) {
        const d = newDiagnosis();
        d.nodeToStatus = statuses;
        statuses.absent = NOT_HELPFUL;
        return { nominatedNodeName: '', status: new Status(Code.Unschedulable, [`preemption: ${fitErrorMessage(all.length, d)}`]) };
      }
      const best = pickOneNode(candidates, h.clock.now());
      if (!best) return { status: new Status(Code.Unschedulable, ['preemption: no candidate node for preemption']) };
      prepare(pod, best);
      state.write(
        VICTIMS_KEY,
        best.victims.map((v) => `${v.namespace}/${v.name}`),
      );
      return { nominatedNodeName: best.node, status: null };
    },
  };
}

function listPDBs(h: Handle): KObject[] {
  try {
    return h.client.list('policy/poddisruptionbudgets');
  } catch {
    return [];
  }
}
