/**
 * updateStatefulSet (stateful_set_control.go, v1.32) as a pure function. Pods are split into
 * replicas (ordinals in range, missing ones created at the right revision) and condemned (out of
 * range). OrderedReady ("monotonic") stops at the first pod that is being created, terminating, or
 * not yet Running+Ready+available, and deletes condemned pods one at a time, highest ordinal first;
 * Parallel does everything at once. RollingUpdate then replaces the highest-ordinal pod not at the
 * update revision, down to the partition, one at a time.
 */
import type { KObject } from '../../api/types';
import { revisionTemplate } from './revisions';
import { claimOwnerUpdates, claimsMatchPolicy, podClaimIsStale } from './claims';
import { endOrdinal, identityMatches, newStatefulSetPod, ordinalOf, podClaims, podRevision, startOrdinal, storageMatches, updateIdentity, updateStorage } from './identity';
import { countReplicas, isCreated, isRunningAndAvailable, isRunningAndReady, isUnavailable, type StsStatus } from './status';

export type StsAction =
  /** Create the missing claims, then the pod (then fix claim ownership for the retention policy). */
  | { kind: 'createPod'; pod: KObject; claims: KObject[] }
  /** A Pending pod whose claims went missing: create them. */
  | { kind: 'createClaims'; pod: KObject; claims: KObject[] }
  /** Identity, storage or claim-ownership drift: update the pod (and the claims). */
  | { kind: 'updatePod'; pod: KObject; claims: KObject[]; newClaims: KObject[] }
  | { kind: 'updateClaims'; claims: KObject[] }
  | { kind: 'deletePod'; pod: KObject };

export interface StsInput {
  set: KObject;
  pods: KObject[];
  current: KObject;
  update: KObject;
  collisionCount: number;
  /** Existing claims by name. */
  claims: (name: string) => KObject | undefined;
  now: number;
}

export interface StsPlan {
  actions: StsAction[];
  status: StsStatus;
}

// newVersionedStatefulSetPod (keeping upstream's && / || precedence).
function versionedPod(inp: StsInput, ordinal: number): KObject {
  const { set, current, update } = inp;
  const us = set.spec?.updateStrategy ?? {};
  const start = startOrdinal(set);
  const useCurrent =
    (us.type === 'RollingUpdate' && us.rollingUpdate == null && ordinal < start + (set.status?.currentReplicas ?? 0)) ||
    (us.rollingUpdate != null && ordinal < start + (us.rollingUpdate.partition ?? 0));
  const rev = useCurrent ? current : update;
  return newStatefulSetPod(set, revisionTemplate(rev), ordinal, rev.metadata.name!);
}

const missingClaims = (inp: StsInput, pod: KObject) => [...podClaims(inp.set, pod).values()].filter((c) => !inp.claims(c.metadata.name!));

/** processReplica: returns true when a monotonic set must stop here. */
function processReplica(inp: StsInput, plan: StsPlan, monotonic: boolean, pod: KObject): boolean {
  const { set, now } = inp;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') {
    // Restart it: the replacement is created once the old pod is gone.
    if (!pod.metadata.deletionTimestamp) plan.actions.push({ kind: 'deletePod', pod });
    return true;
  }
  if (!isCreated(pod)) {
    if (podClaimIsStale(set, pod, inp.claims)) return true;
    plan.actions.push({ kind: 'createPod', pod, claims: missingClaims(inp, pod) });
    if (monotonic) return true;
  }
  if (phase === 'Pending') {
    const claims = missingClaims(inp, pod);
    if (claims.length) plan.actions.push({ kind: 'createClaims', pod, claims });
  }
  if (monotonic && (pod.metadata.deletionTimestamp || !isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return true;
  if (!isCreated(pod)) return false;
  const update = { ...set, spec: { ...set.spec, template: revisionTemplate(inp.update) } };
  const retentionOk = claimsMatchPolicy(update, pod, inp.claims);
  if (identityMatches(set, pod) && storageMatches(set, pod) && retentionOk) return false;
  const fixed: KObject = structuredClone(pod);
  if (!identityMatches(update, fixed)) updateIdentity(fixed);
  let newClaims: KObject[] = [];
  if (!storageMatches(update, fixed)) {
    updateStorage(update, fixed);
    newClaims = missingClaims(inp, fixed);
  }
  plan.actions.push({ kind: 'updatePod', pod: fixed, claims: retentionOk ? [] : claimOwnerUpdates(update, pod, inp.claims), newClaims });
  return false;
}

/** processCondemned: returns true when the scale-down must stop here. */
function processCondemned(inp: StsInput, plan: StsPlan, monotonic: boolean, pod: KObject, firstUnhealthy: KObject | undefined): boolean {
  const minReady = inp.set.spec?.minReadySeconds ?? 0;
  if (pod.metadata.deletionTimestamp) return monotonic;
  if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, inp.now))) return true;
  plan.actions.push({ kind: 'deletePod', pod });
  return true;
}

/** updateStatefulSet. */
export function reconcileStatefulSet(inp: StsInput): StsPlan {
  const { set, now } = inp;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const status: StsStatus = {
    observedGeneration: set.metadata.generation ?? 0,
    currentRevision: inp.current.metadata.name!,
    updateRevision: inp.update.metadata.name!,
    collisionCount: inp.collisionCount,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
  };
  const plan: StsPlan = { actions: [], status };
  const start = startOrdinal(set);
  const end = endOrdinal(set);
  const slots: (KObject | undefined)[] = new Array(Math.max(0, end - start + 1)).fill(undefined);
  const condemned: KObject[] = [];
  for (const p of inp.pods) {
    const ord = ordinalOf(p);
    if (ord >= start && ord <= end) slots[ord - start] = p;
    else if (ord >= 0) condemned.push(p);
  }
  const replicas = slots.map((p, i) => p ?? versionedPod(inp, start + i));
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const finish = () => {
    countReplicas(status, minReady, now, replicas, condemned);
    return plan;
  };
  const firstUnhealthy = replicas.find((p) => isUnavailable(p, minReady, now)) ?? [...condemned].reverse().find((p) => isUnavailable(p, minReady, now));
  if (set.metadata.deletionTimestamp) return finish();

  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  for (const pod of replicas) if (processReplica(inp, plan, monotonic, pod) && monotonic) return finish();
  const update = { ...set, spec: { ...set.spec, template: revisionTemplate(inp.update) } };
  for (const pod of condemned) {
    if (!claimsMatchPolicy(update, pod, inp.claims)) plan.actions.push({ kind: 'updateClaims', claims: claimOwnerUpdates(update, pod, inp.claims) });
  }
  for (const pod of condemned) if (processCondemned(inp, plan, monotonic, pod, firstUnhealthy) && monotonic) return finish();
  countReplicas(status, minReady, now, replicas, condemned);
  if (set.spec?.updateStrategy?.type === 'OnDelete') return plan;

  // RollingUpdate: replace the highest ordinal not at the update revision, down to the partition.
  const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target]!;
    if (podRevision(pod) !== status.updateRevision && !pod.metadata.deletionTimestamp) {
      plan.actions.push({ kind: 'deletePod', pod });
      status.currentReplicas--;
      return plan;
    }
    if (isUnavailable(pod, minReady, now)) return plan;
  }
  return plan;
}
