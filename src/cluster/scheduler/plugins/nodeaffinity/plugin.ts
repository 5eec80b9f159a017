/**
 * NodeAffinity: Filter enforces spec.nodeSelector and required node affinity; PreFilter narrows
 * to nodes named by `metadata.name In` fields; Score sums the weights of matching preferred terms.
 */
import type { KObject } from '../../../api/types';
import { compileNodeSelectorTerms, requiredNodeAffinity, type NodeMatcher, type PreferredNodeTerm } from '../../framework/affinity';
import { Action } from '../../framework/events';
import type { NodeInfo } from '../../framework/nodeInfo';
import { defaultNormalizeScore } from '../../framework/normalize';
import type { PodInfo } from '../../framework/podInfo';
import {
  Code,
  MAX_NODE_SCORE,
  SKIP,
  Status,
  stateKey,
  type EnqueueExtensions,
  type FilterPlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types';

export const Name = 'NodeAffinity';
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
export const errReasonConflict = 'pod affinity terms conflict';

const preFilterKey = stateKey<NodeMatcher>(`PreFilter${Name}`);
const preScoreKey = stateKey<PreferredNodeTerm[]>(`PreScore${Name}`);
const REJECT = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonPod], Name);

// Compiled matchers are reused across attempts of the same pod object.
const compiled = new WeakMap<PodInfo, NodeMatcher | null>();
export function requiredMatcher(pod: PodInfo): NodeMatcher | null {
  let m = compiled.get(pod);
  if (m === undefined) compiled.set(pod, (m = requiredNodeAffinity(pod.pod.spec)));
  return m;
}

function preferredTerms(spec: KObject | undefined): PreferredNodeTerm[] {
  const terms: KObject[] = spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms
    .filter((t) => (t?.weight ?? 0) !== 0)
    .map((t) => ({ weight: t.weight, match: compileNodeSelectorTerms([t.preference ?? {}]) }));
}

const matchesNode = (pod: PodInfo, node: KObject | undefined) => node !== undefined && (requiredMatcher(pod)?.(node) ?? true);

export function newNodeAffinity(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  return {
    name: Name,
    preFilter(state, pod: PodInfo) {
      const required = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      const matcher = requiredMatcher(pod);
      if (!matcher) return SKIP;
      state.write(preFilterKey, matcher);
      const terms: KObject[] = required?.nodeSelectorTerms ?? [];
      if (!terms.length) return null;
      // Terms are ORed: only when every term pins node names can the node set shrink.
      let names: Set<string> | undefined;
      for (const t of terms) {
        let termNames: Set<string> | undefined;
        for (const r of t?.matchFields ?? [])
          if (r?.key === 'metadata.name' && r?.operator === 'In') {
            const s = new Set<string>(r.values ?? []);
            termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
          }
        if (!termNames) return null;
        names = new Set([...(names ?? []), ...termNames]);
      }
      if (names && names.size === 0) return new Status(Code.UnschedulableAndUnresolvable, [errReasonConflict], Name);
      return names ? { nodeNames: names } : null;
    },
    filter(state, pod: PodInfo, node: NodeInfo) {
      const m = state.read(preFilterKey) ?? requiredMatcher(pod);
      return !m || m(node.node!) ? null : REJECT;
    },
    filterAll(state, pod, nodes, out, n) {
      const m = state.read(preFilterKey) ?? requiredMatcher(pod);
      if (m) for (let i = 0; i < n; i++) if (out[i] === null && !m(nodes[i]!.node!)) out[i] = REJECT;
    },
    preScore(state, pod: PodInfo, nodes) {
      if (nodes.length === 0) return null;
      if (pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution == null) return SKIP;
      state.write(preScoreKey, preferredTerms(pod.pod.spec));
      return null;
    },
    score(state, _pod, node: NodeInfo) {
      let sum = 0;
      for (const t of state.read(preScoreKey) ?? []) if (t.match(node.node!)) sum += t.weight;
      return sum;
    },
    normalizeScore(_state, _pod, scores, n) {
      return defaultNormalizeScore(MAX_NODE_SCORE, false, scores, n);
    },
    events: () => [
      {
        event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel },
        hint: (pod, old, obj) => (matchesNode(pod, obj) && !matchesNode(pod, old) ? 'Queue' : 'QueueSkip'),
      },
    ],
  };
}
