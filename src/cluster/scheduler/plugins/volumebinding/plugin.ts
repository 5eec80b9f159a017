/**
 * VolumeBinding: pods with PersistentVolumeClaims. Immediate claims must already be bound
 * ("pod has unbound immediate PersistentVolumeClaims"); bound claims pin the pod to nodes their PV
 * reaches; WaitForFirstConsumer claims are matched to an available PV or provisioned on the chosen
 * node (PreBind writes PV.spec.claimRef / the PVC's selected-node annotation, then waits until the
 * claims are bound, as the PV controller or the provisioner completes them).
 */
import type { KObject } from '../../../api/types';
import { ALL, Action } from '../../framework/events';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { unitValue } from '../../framework/resources';
import {
  Code,
  SKIP,
  Status,
  asStatus,
  stateKey,
  type CycleState,
  type EnqueueExtensions,
  type FilterPlugin,
  type PreBindPlugin,
  type PreFilterPlugin,
  type ReservePlugin,
} from '../../framework/types';
import {
  AnnSelectedNode,
  ErrReasonBindConflict,
  ErrReasonNodeConflict,
  ErrReasonPVNotExist,
  canProvision,
  eligibleNodes,
  findMatchingPV,
  get,
  isFullyBound,
  podClaims,
  pvMatchesNode,
  type PodClaims,
} from './binder';

export const Name = 'VolumeBinding';

interface PodVolumes {
  staticBindings: { pv: KObject; pvc: KObject }[];
  provisions: KObject[];
}

interface VBState {
  claims: PodClaims;
  pvs: KObject[];
  byNode: Map<string, PodVolumes>;
  /** Reserved for the chosen node. */
  chosen?: PodVolumes;
}

const stateK = stateKey<VBState>(Name);
const WAIT = new Status(Code.Wait, ['waiting for volumes to be bound'], Name);
const rejections = new Map<string, Status>();
function reject(reasons: string[]): Status {
  const k = reasons.join('\0');
  let s = rejections.get(k);
  if (!s) rejections.set(k, (s = new Status(Code.UnschedulableAndUnresolvable, reasons, Name)));
  return s;
}

export function newVolumeBinding(h: Handle): PreFilterPlugin & FilterPlugin & ReservePlugin & PreBindPlugin & EnqueueExtensions {
  /** checkBindings: every claim of the pod fully bound yet? */
  const ready = (state: CycleState, pod: PodInfo): Status | null => {
    const s = state.read(stateK);
    if (!s) return null;
    for (const c of s.claims.delayed) {
      const live = get(h, 'persistentvolumeclaims', pod.namespace, c.metadata.name!);
      if (!live) return asStatus(`binding volumes: persistentvolumeclaim "${c.metadata.name}" not found`, Name);
      if (!isFullyBound(live)) return WAIT;
    }
    return null;
  };
  const filter = (state: CycleState, node: NodeInfo): Status | null => {
    const s = state.read(stateK);
    if (!s) return null;
    let boundOk = true;
    let pvsFound = true;
    for (const pvc of s.claims.bound) {
      const pv = get(h, 'persistentvolumes', undefined, pvc.spec.volumeName);
      if (!pv) pvsFound = false;
      else if (!pvMatchesNode(pv, node.node!)) boundOk = false;
    }
    const vols: PodVolumes = { staticBindings: [], provisions: [] };
    let unboundOk = true;
    const taken = new Set<string>();
    const byRequest = [...s.claims.delayed].sort((a, b) => size(a) - size(b));
    for (const pvc of byRequest) {
      const pv = findMatchingPV(pvc, s.pvs, node.node!, taken);
      if (pv) {
        taken.add(pv.metadata.name!);
        vols.staticBindings.push({ pv, pvc });
      } else if (canProvision(h, pvc, node.node!)) vols.provisions.push(pvc);
      else unboundOk = false;
    }
    const reasons: string[] = [];
    if (!boundOk) reasons.push(ErrReasonNodeConflict);
    if (!unboundOk) reasons.push(ErrReasonBindConflict);
    if (!pvsFound) reasons.push(ErrReasonPVNotExist);
    if (reasons.length) return reject(reasons);
    s.byNode.set(node.name, vols);
    return null;
  };
  return {
    name: Name,
    preFilter(state, pod: PodInfo) {
      if (!pod.pod.spec?.volumes?.some((v: KObject) => v?.persistentVolumeClaim || v?.ephemeral)) return SKIP;
      const claims = podClaims(h, pod);
      if (typeof claims === 'string') return new Status(Code.UnschedulableAndUnresolvable, [claims], Name);
      if (claims.bound.length + claims.delayed.length + claims.immediate.length === 0) return SKIP;
      if (claims.immediate.length) return new Status(Code.UnschedulableAndUnresolvable, ['pod has unbound immediate PersistentVolumeClaims'], Name);
      const pvs = claims.delayed.length ? h.client.list('persistentvolumes') : [];
      state.write(stateK, { claims, pvs, byNode: new Map() });
      const nodes = eligibleNodes(h, claims.bound);
      return nodes ? { nodeNames: nodes } : null;
    },
    filter: (state, _pod, node: NodeInfo) => filter(state, node),
    filterAll(state, _pod, nodes, out, n) {
      for (let i = 0; i < n; i++) if (out[i] === null) out[i] = filter(state, nodes[i]!);
    },
    reserve(state, _pod, nodeName) {
      const s = state.read(stateK);
      if (s) s.chosen = s.byNode.get(nodeName);
      return null;
    },
    unreserve(state) {
      const s = state.read(stateK);
      if (s) s.chosen = undefined;
    },
    preBind(state, pod: PodInfo, nodeName) {
      const s = state.read(stateK);
      const v = s?.chosen;
      if (!s || !v || (v.staticBindings.length === 0 && v.provisions.length === 0)) return null;
      try {
        for (const { pv, pvc } of v.staticBindings) {
          const live = get(h, 'persistentvolumes', undefined, pv.metadata.name!) ?? pv;
          const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
          h.client.update('persistentvolumes', { ...live, spec: { ...live.spec, claimRef } });
        }
        for (const pvc of v.provisions) h.client.patch('persistentvolumeclaims', pod.namespace, pvc.metadata.name!, { metadata: { annotations: { [AnnSelectedNode]: nodeName } } }, 'merge');
      } catch (e) {
        return asStatus(`binding volumes: ${e instanceof Error ? e.message : String(e)}`, Name);
      }
      return ready(state, pod);
    },
    preBindReady: (state, pod: PodInfo) => ready(state, pod),
    events: () => [
      { event: { resource: 'PersistentVolumeClaim', action: Action.Add | Action.UpdateOther } },
      { event: { resource: 'PersistentVolume', action: Action.Add | Action.UpdateOther } },
      { event: { resource: 'StorageClass', action: Action.Add | Action.UpdateOther } },
      { event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel | Action.UpdateNodeTaint } },
      { event: { resource: 'CSINode', action: ALL } },
    ],
  };
}

const size = (pvc: KObject): number => {
  const q = pvc.spec?.resources?.requests?.storage;
  return q ? unitValue(q) : 0;
};
