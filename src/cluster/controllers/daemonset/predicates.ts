/**
 * Which nodes a DaemonSet wants (daemon_controller.go NodeShouldRunDaemonPod and
 * daemon/util, v1.32): the pod template's nodeName, nodeSelector and required node affinity, and
 * the node's NoSchedule/NoExecute taints against the template's tolerations plus the ones every
 * daemon pod gets.
 */
import type { KObject } from '../../api/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** AddOrUpdateDaemonPodTolerations: what keeps daemon pods on sick or cordoned nodes. */
export function daemonTolerations(spec: Json): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec?.hostNetwork === true) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const out: Toleration[] = [...(spec?.tolerations ?? [])];
  for (const t of add) {
    // AddOrUpdateTolerationInPodSpec: an equal toleration (key, operator, value, effect) is replaced.
    const i = out.findIndex((x) => (x.key ?? '') === t.key && (x.operator || 'Equal') === t.operator && (x.value ?? '') === '' && (x.effect ?? '') === t.effect);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Json): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  return op === 'Equal' && (t.value ?? '') === (taint.value ?? '');
}

/** FindMatchingUntoleratedTaint: is some taint (of the given effects) not tolerated? */
export function hasUntoleratedTaint(taints: Json[], tolerations: Toleration[], effects: string[]): boolean {
  return taints.some((taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)));
}

function requirementMatches(req: Json, value: string | undefined): boolean {
  const values: string[] = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!)) return false;
      const [a, b] = [BigInt(value), BigInt(values[0]!)];
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A NodeSelectorTerm: all expressions (labels) and fields (metadata.name) must match; empty matches nothing. */
function termMatches(term: Json, node: KObject): boolean {
  const exprs: Json[] = term?.matchExpressions ?? [];
  const fields: Json[] = term?.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  return (
    exprs.every((r) => requirementMatches(r, labels[r.key])) &&
    fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name))
  );
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector and the required terms (ORed). */
export function requiredAffinityMatches(spec: Json, node: KObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries<string>(spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t: Json) => termMatches(t, node));
}

/**
 * NodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]. A node whose taints the pod does not
 * tolerate gets no new pod, but an existing one stays unless a NoExecute taint is untolerated.
 */
export function nodeShouldRunDaemonPod(node: KObject, ds: KObject): [boolean, boolean] {
  const spec = ds.spec?.template?.spec ?? {};
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return [false, false];
  if (!requiredAffinityMatches(spec, node)) return [false, false];
  const tolerations = daemonTolerations(spec);
  const taints: Json[] = node.spec?.taints ?? [];
  if (!hasUntoleratedTaint(taints, tolerations, ['NoSchedule', 'NoExecute'])) return [true, true];
  return [false, !hasUntoleratedTaint(taints, tolerations, ['NoExecute'])];
}

// Nodes and DaemonSets in the store are immutable: a result per (node object, ds generation) holds.
const memo = new WeakMap<KObject, Map<string, [boolean, boolean]>>();

/** nodeShouldRunDaemonPod, memoised on the (frozen) node object and the DaemonSet's uid+generation. */
export function shouldRun(node: KObject, ds: KObject): [boolean, boolean] {
  if (!Object.isFrozen(node)) return nodeShouldRunDaemonPod(node, ds);
  let m = memo.get(node);
  if (!m) memo.set(node, (m = new Map()));
  const key = `${ds.metadata.uid}/${ds.metadata.generation}`;
  let r = m.get(key);
  if (!r) m.set(key, (r = nodeShouldRunDaemonPod(node, ds)));
  return r;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to one node, keeping preferences. */
export function pinToNode(affinity: Json, nodeName: string): Json {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const a = structuredClone(affinity ?? {});
  a.nodeAffinity ??= {};
  a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  return a;
}

/** GetTargetNodeName: spec.nodeName, else the node the required affinity pins the pod to. */
export function targetNodeName(pod: KObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms: Json[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms)
    for (const r of term.matchFields ?? []) if (r.key === 'metadata.name' && r.operator === 'In') return r.values?.length === 1 ? r.values[0] : undefined;
  return undefined;
}
