/**
 * Node selectors (component-helpers nodeaffinity) and pod affinity terms (framework.AffinityTerm),
 * compiled once per pod so Filter and Score only run the compiled matchers.
 */
import { matches, matchesRequirement, newRequirement, selectorFromLabelSelector, type Operator, type Requirement, type Selector } from '../../api/labels';
import type { KObject } from '../../api/types';

/** A compiled v1.NodeSelector (terms ORed); `null` when the pod has none. */
export type NodeMatcher = (node: KObject) => boolean;

const NODE_OPS: Record<string, Operator> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
  Gt: 'GreaterThan',
  Lt: 'LessThan',
};

interface CompiledTerm {
  labels: Requirement[];
  fields: Requirement[];
}

// NodeSelectorRequirementsAsSelector / AsFieldSelector; a term that fails to parse matches nothing.
function compileTerm(term: KObject): CompiledTerm | null {
  const exprs: KObject[] = term?.matchExpressions ?? [];
  const fieldExprs: KObject[] = term?.matchFields ?? [];
  if (exprs.length === 0 && fieldExprs.length === 0) return null;
  try {
    const labels = exprs.map((e) => {
      const op = NODE_OPS[e.operator];
      if (!op) throw new Error(`${JSON.stringify(e.operator)} is not a valid node selector operator`);
      return newRequirement(e.key, op, [...(e.values ?? [])]);
    });
    const fields = fieldExprs.map((e) => {
      if ((e.operator !== 'In' && e.operator !== 'NotIn') || (e.values ?? []).length !== 1)
        throw new Error(`unexpected number of value (${(e.values ?? []).length}) for node field selector operator "${e.operator}"`);
      return { key: e.key, op: e.operator as Operator, values: [...e.values] };
    });
    return { labels, fields };
  } catch {
    return null;
  }
}

function termMatchesNode(t: CompiledTerm, node: KObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const r of t.labels) if (!matchesRequirement(r, labels)) return false;
  if (t.fields.length) {
    const fields = { 'metadata.name': node.metadata.name ?? '' };
    for (const r of t.fields) if (!matchesRequirement(r, fields)) return false;
  }
  return true;
}

/** nodeaffinity.NewNodeSelector: ORed terms. */
export function compileNodeSelectorTerms(terms: readonly KObject[]): NodeMatcher {
  const compiled = terms.map(compileTerm).filter((t): t is CompiledTerm => t !== null);
  return (node) => {
    for (const t of compiled) if (termMatchesNode(t, node)) return true;
    return false;
  };
}

/** One compiled preferred scheduling term. */
export interface PreferredNodeTerm {
  weight: number;
  match: NodeMatcher;
}

/** nodeaffinity.GetRequiredNodeAffinity: spec.nodeSelector AND required node affinity; null = none. */
export function requiredNodeAffinity(spec: KObject | undefined): NodeMatcher | null {
  const sel: Record<string, string> | undefined = spec?.nodeSelector;
  const terms: KObject[] | undefined = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const hasRequired = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution != null;
  if (!sel && !hasRequired) return null;
  const keys = sel ? Object.keys(sel) : [];
  const nodeSel = hasRequired ? compileNodeSelectorTerms(terms ?? []) : null;
  return (node) => {
    if (keys.length) {
      const labels = node.metadata.labels ?? {};
      for (const k of keys) if (labels[k] !== sel![k]) return false;
    }
    return nodeSel ? nodeSel(node) : true;
  };
}

/** framework.AffinityTerm: which pods (namespaces × selector) and the topology they share. */
export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  /** null = labels.Nothing(). */
  selector: Selector | null;
  topologyKey: string;
  /** Namespace selector; null = Nothing (after merging into `namespaces`, always null). */
  nsSelector: Selector | null;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

function safeSelector(ls: unknown): Selector | null {
  try {
    return selectorFromLabelSelector(ls as never);
  } catch {
    return null;
  }
}

/** newAffinityTerm: no namespaces and no namespaceSelector means the pod's own namespace. */
export function newAffinityTerm(podNamespace: string, term: KObject): AffinityTerm {
  const names: string[] = term?.namespaces ?? [];
  const namespaces = new Set(names.length === 0 && term?.namespaceSelector == null ? [podNamespace] : names);
  return {
    namespaces,
    selector: safeSelector(term?.labelSelector),
    topologyKey: term?.topologyKey ?? '',
    nsSelector: safeSelector(term?.namespaceSelector),
  };
}

/** AffinityTerm.Matches: the pod's namespace is in scope and its labels match. */
export function affinityTermMatches(
  t: AffinityTerm,
  ns: string,
  labels: Readonly<Record<string, string>>,
  nsLabels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (t.namespaces.has(ns) || (t.nsSelector !== null && matches(t.nsSelector, nsLabels ?? {}))) return matches(t.selector, labels);
  return false;
}

/** podMatchesAllAffinityTerms: an existing pod must match every required affinity term (nsLabels not consulted). */
export function matchesAllAffinityTerms(terms: readonly AffinityTerm[], ns: string, labels: Readonly<Record<string, string>>): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!affinityTermMatches(t, ns, labels, undefined)) return false;
  return true;
}
