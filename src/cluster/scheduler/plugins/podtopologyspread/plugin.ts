/**
 * PodTopologySpread: spreads matching pods across topology domains — hard constraints in Filter,
 * soft ones (and the system defaults for pods behind a Service or controller) in Score.
 */
import { matches } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { Action } from '../../framework/events';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import {
  SKIP,
  stateKey,
  type EnqueueExtensions,
  type FilterPlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types';
import { getConstraints } from './constraints';
import { filterNode, preFilterState, type SpreadFilterState } from './filtering';
import { HostCounts, normalize, preScoreState, scoreRow, scoreRows, type SpreadScoreState } from './scoring';

export const Name = 'PodTopologySpread';

const preFilterKey = stateKey<SpreadFilterState>(`PreFilter${Name}`);
const preScoreKey = stateKey<SpreadScoreState>(`PreScore${Name}`);

export function newPodTopologySpread(h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  // A scheduled pod change matters when it is in the pod's namespace and matches one of its selectors.
  const podHint = (pod: PodInfo, old: KObject | undefined, obj: KObject | undefined) => {
    const changed = obj ?? old;
    if (!changed?.spec?.nodeName || changed.metadata.namespace !== pod.namespace) return 'QueueSkip' as const;
    const cs = [...getConstraints(pod, h, 'DoNotSchedule'), ...getConstraints(pod, h, 'ScheduleAnyway')];
    const hit = (o: KObject | undefined) => o !== undefined && cs.some((c) => matches(c.selector, o.metadata.labels ?? {}));
    return hit(old) || hit(obj) ? ('Queue' as const) : ('QueueSkip' as const);
  };
  const scratch = new HostCounts();
  return {
    name: Name,
    preFilter(state, pod: PodInfo) {
      const s = preFilterState(pod, h);
      if (!s) return SKIP;
      state.write(preFilterKey, s);
      return null;
    },
    addPod(state, pod, add, node) {
      state.read(preFilterKey)?.update(pod, add, node, 1);
      return null;
    },
    removePod(state, pod, remove, node) {
      state.read(preFilterKey)?.update(pod, remove, node, -1);
      return null;
    },
    filter(state, pod: PodInfo, node: NodeInfo) {
      const s = state.read(preFilterKey);
      return s ? filterNode(s, pod, node) : null;
    },
    filterAll(state, pod, nodes, out, n) {
      const s = state.read(preFilterKey);
      if (s) for (let i = 0; i < n; i++) if (out[i] === null) out[i] = filterNode(s, pod, nodes[i]!);
    },
    preScore(state, pod: PodInfo, nodes, rows) {
      if (h.cache.numNodes === 0) return SKIP;
      // Scoring runs on the cache's nodes: their rows index the cache's table.
      const r = rows ?? { table: h.cache.table, idx: Int32Array.from(nodes, (n) => n.row) };
      const s = preScoreState(pod, nodes, r, h, scratch);
      if (!s) return SKIP;
      state.write(preScoreKey, s);
      return null;
    },
    score(state, _pod, node: NodeInfo) {
      const s = state.read(preScoreKey);
      return s ? scoreRow(s, node.row) : 0;
    },
    scoreAll(state, _pod, nodes, out, n, rows) {
      const s = state.read(preScoreKey);
      if (!s) out.fill(0, 0, n);
      else if (rows) scoreRows(s, rows.idx, out, n);
      else for (let i = 0; i < n; i++) out[i] = scoreRow(s, nodes[i]!.row);
    },
    normalizeScore(state, _pod, scores, n, nodes) {
      const s = state.read(preScoreKey);
      return s ? normalize(s, scores, n, nodes) : null;
    },
    events: () => [
      { event: { resource: 'Pod', action: Action.Add | Action.UpdatePodLabel | Action.Delete }, hint: podHint },
      { event: { resource: 'Node', action: Action.Add | Action.Delete | Action.UpdateNodeLabel | Action.UpdateNodeTaint } },
    ],
  };
}
