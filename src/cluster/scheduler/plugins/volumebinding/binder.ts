/**
 * The volume binder's decisions (volumebinding/binder.go): which PVCs a pod uses and in what state,
 * whether a node suits the bound ones (PV node affinity), and — for WaitForFirstConsumer claims —
 * which available PV would match on that node, or whether the class can provision there.
 */
import { matches, selectorFromLabelSelector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { compileNodeSelectorTerms } from '../../framework/affinity';
import type { Handle } from '../../framework/handle';
import type { PodInfo } from '../../framework/podInfo';
import { unitValue } from '../../framework/resources';

export const ErrReasonBindConflict = "node(s) didn't find available persistent volumes to bind";
export const ErrReasonNodeConflict = 'node(s) had volume node affinity conflict';
export const ErrReasonNotEnoughSpace = 'node(s) did not have enough free storage';
export const ErrReasonPVNotExist = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

export const AnnBindCompleted = 'pv.kubernetes.io/bind-completed';
export const AnnSelectedNode = 'volume.kubernetes.io/selected-node';
const NotSupportedProvisioner = 'kubernetes.io/no-provisioner';

export interface PodClaims {
  bound: KObject[];
  /** Unbound claims of WaitForFirstConsumer classes: bound once the pod has a node. */
  delayed: KObject[];
  immediate: KObject[];
}

export function get(h: Handle, resource: string, ns: string | undefined, name: string): KObject | undefined {
  try {
    return h.client.get(resource, ns, name);
  } catch {
    return undefined;
  }
}

/** The claim names of a pod's volumes (ephemeral volumes own `<pod>-<volume>`). */
export function claimNames(pod: PodInfo): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = [];
  for (const v of pod.pod.spec?.volumes ?? []) {
    if (v?.persistentVolumeClaim?.claimName) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v?.ephemeral) out.push({ name: `${pod.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

export const isFullyBound = (pvc: KObject): boolean => !!pvc.spec?.volumeName && pvc.metadata.annotations?.[AnnBindCompleted] !== undefined;

export function claimClass(pvc: KObject): string {
  return pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/** podHasPVCs + GetPodVolumeClaims; a string is the UnschedulableAndUnresolvable reason. */
export function podClaims(h: Handle, pod: PodInfo): PodClaims | string {
  const out: PodClaims = { bound: [], delayed: [], immediate: [] };
  for (const { name, ephemeral } of claimNames(pod)) {
    const pvc = get(h, 'persistentvolumeclaims', pod.namespace, name);
    if (!pvc) return `persistentvolumeclaim "${name}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
    if (ephemeral && !(pvc.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === pod.uid))
      return `PVC ${pod.namespace}/${name} was not created for pod ${pod.namespace}/${pod.name} (pod is not owner)`;
    if (isFullyBound(pvc)) out.bound.push(pvc);
    else {
      const cls = claimClass(pvc);
      const sc = cls ? get(h, 'storage.k8s.io/storageclasses', undefined, cls) : undefined;
      const delay = sc?.volumeBindingMode === 'WaitForFirstConsumer';
      (delay && !pvc.spec?.volumeName ? out.delayed : out.immediate).push(pvc);
    }
  }
  return out;
}

/** GetLocalPersistentVolumeNodeNames: hostnames a PV's required node affinity pins it to. */
function localNodeNames(pv: KObject): Set<string> | undefined {
  const terms: KObject[] | undefined = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return undefined;
  let result: Set<string> | undefined;
  for (const t of terms) {
    let nodes: Set<string> | undefined;
    for (const e of t?.matchExpressions ?? [])
      if (e.key === 'kubernetes.io/hostname' && e.operator === 'In') {
        const s = new Set<string>(e.values ?? []);
        nodes = nodes ? new Set([...nodes].filter((n) => s.has(n))) : s;
      }
    if (nodes) result = new Set([...(result ?? []), ...nodes]);
  }
  return result?.size ? result : undefined;
}

/** GetEligibleNodes: the intersection of the hostnames bound local PVs allow (undefined = any). */
export function eligibleNodes(h: Handle, bound: readonly KObject[]): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const pvc of bound) {
    const pv = get(h, 'persistentvolumes', undefined, pvc.spec.volumeName);
    const names = pv && localNodeNames(pv);
    if (!names) continue;
    out = out ? new Set([...out].filter((n) => names.has(n))) : names;
  }
  return out;
}

export function pvMatchesNode(pv: KObject, node: KObject): boolean {
  const terms: KObject[] | undefined = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  return !terms || compileNodeSelectorTerms(terms)(node);
}

const storageOf = (list: Record<string, string> | undefined): number => (list?.storage ? unitValue(list.storage) : 0);

/** findMatchingVolume: the smallest available PV of the claim's class fitting it and the node. */
export function findMatchingPV(pvc: KObject, pvs: readonly KObject[], node: KObject, taken: ReadonlySet<string>): KObject | undefined {
  const want = storageOf(pvc.spec?.resources?.requests);
  const modes: string[] = pvc.spec?.accessModes ?? [];
  const cls = claimClass(pvc);
  const mode = pvc.spec?.volumeMode ?? 'Filesystem';
  let sel = null;
  try {
    sel = pvc.spec?.selector ? selectorFromLabelSelector(pvc.spec.selector) : null;
  } catch {
    return undefined;
  }
  let best: KObject | undefined;
  let bestSize = Infinity;
  for (const pv of pvs) {
    if (taken.has(pv.metadata.name!) || pv.metadata.deletionTimestamp) continue;
    const ref = pv.spec?.claimRef;
    if (ref && !(ref.namespace === pvc.metadata.namespace && ref.name === pvc.metadata.name)) continue;
    if (!ref && pv.status?.phase && pv.status.phase !== 'Available') continue;
    if ((pv.spec?.storageClassName ?? '') !== cls || (pv.spec?.volumeMode ?? 'Filesystem') !== mode) continue;
    const size = storageOf(pv.spec?.capacity);
    if (size < want || !modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
    if (sel && !matches(sel, pv.metadata.labels ?? {})) continue;
    if (!pvMatchesNode(pv, node)) continue;
    if (size < bestSize) ((best = pv), (bestSize = size));
  }
  return best;
}

/** checkVolumeProvisions: can the claim's class provision a volume reachable from this node? */
export function canProvision(h: Handle, pvc: KObject, node: KObject): boolean {
  const sc = get(h, 'storage.k8s.io/storageclasses', undefined, claimClass(pvc));
  if (!sc?.provisioner || sc.provisioner === NotSupportedProvisioner) return false;
  const terms: KObject[] = sc.allowedTopologies ?? [];
  if (!terms.length) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e: KObject) => (e.values ?? []).includes(labels[e.key])));
}
