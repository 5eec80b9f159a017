/** InterPodAffinity: required pod (anti-)affinity in Filter, preferred terms in Score. */
import type { KObject } from '../../../api/types';
import { affinityTermMatches, matchesAllAffinityTerms } from '../../framework/affinity';
import { Action } from '../../framework/events';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import { newPodInfo, type PodInfo } from '../../framework/podInfo';
import { SKIP, stateKey, type EnqueueExtensions, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin } from '../../framework/types';
import { filterNode, preFilterState, type AffinityFilterState } from './filtering';
import { normalize, preScoreState, scoreNode, type TopologyScore } from './scoring';

export const Name = 'InterPodAffinity';

const preFilterKey = stateKey<AffinityFilterState>(`PreFilter${Name}`);
const preScoreKey = stateKey<TopologyScore>(`PreScore${Name}`);

/** isSchedulableAfterPodChange: only scheduled pods matter. */
function podHint(pod: PodInfo, old: KObject | undefined, obj: KObject | undefined): 'Queue' | 'QueueSkip' {
  if ((obj && !obj.spec?.nodeName) || (old && !old.spec?.nodeName)) return 'QueueSkip';
  const all = (o: KObject) => matchesAllAffinityTerms(pod.requiredAffinityTerms, o.metadata.namespace ?? '', o.metadata.labels ?? {});
  const anyAnti = (o: KObject) => pod.requiredAntiAffinityTerms.some((t) => affinityTermMatches(t, o.metadata.namespace ?? '', o.metadata.labels ?? {}, undefined));
  if (obj && old) return (!all(old) && all(obj)) || (anyAnti(old) && !anyAnti(obj)) ? 'Queue' : 'QueueSkip';
  if (obj) return all(obj) ? 'Queue' : 'QueueSkip';
  if (!old) return 'QueueSkip';
  // A deleted pod helps if it matched our anti-affinity or its own anti-affinity kept us away.
  const gone = newPodInfo(old);
  const blocked = gone.requiredAntiAffinityTerms.some((t) => affinityTermMatches(t, pod.namespace, pod.labels, undefined));
  return anyAnti(old) || blocked ? 'Queue' : 'QueueSkip';
}

export function newInterPodAffinity(h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  return {
    name: Name,
    preFilter(state, pod: PodInfo) {
      const s = preFilterState(pod, h);
      if (!s) return SKIP;
      state.write(preFilterKey, s);
      return null;
    },
    addPod(state, _pod, add, node) {
      state.read(preFilterKey)?.update(add, node, 1);
      return null;
    },
    removePod(state, _pod, remove, node) {
      state.read(preFilterKey)?.update(remove, node, -1);
      return null;
    },
    filter(state, _pod, node: NodeInfo) {
      const s = state.read(preFilterKey);
      return s ? filterNode(s, node) : null;
    },
    filterAll(state, _pod, nodes, out, n) {
      const s = state.read(preFilterKey);
      if (s) for (let i = 0; i < n; i++) if (out[i] === null) out[i] = filterNode(s, nodes[i]!);
    },
    preScore(state, pod: PodInfo, nodes) {
      if (nodes.length === 0) return null;
      const m = preScoreState(pod, h);
      if (!m) return SKIP;
      state.write(preScoreKey, m);
      return null;
    },
    score(state, _pod, node: NodeInfo) {
      const m = state.read(preScoreKey);
      return m ? scoreNode(m, node) : 0;
    },
    normalizeScore(state, _pod, scores, n) {
      return state.read(preScoreKey) ? normalize(scores, n) : null;
    },
    events: () => [
      { event: { resource: 'Pod', action: Action.Add | Action.UpdatePodLabel | Action.Delete }, hint: podHint },
      { event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel } },
    ],
  };
}
