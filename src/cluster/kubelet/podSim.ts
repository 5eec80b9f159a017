/**
 * Builds the kubelet's PodSim from a pod object, and folds later pod updates into it (deletion,
 * fault annotations, a changed container image).
 */
import type { KObject } from '../api/types';
import type { Rng } from '../sim/rng';
import { behaviourOf, containerInput } from './behaviour';
import { invalidate } from './lifecycle';
import type { ContainerKind, ContainerSim, PodSim, ProbeSim, ProbeType } from './model';
import { parseFaults } from './plan';
import { refaultRunning } from './effects';

const PROBES: readonly [ProbeType, string][] = [
  ['startup', 'startupProbe'],
  ['readiness', 'readinessProbe'],
  ['liveness', 'livenessProbe'],
];

function probes(spec: KObject['spec']): ProbeSim[] {
  const out: ProbeSim[] = [];
  for (const [type, field] of PROBES) if (spec?.[field]) out.push({ type, spec: spec[field], successes: 0, failures: 0, stableUntil: 0 });
  return out;
}

function container(spec: KObject['spec'], kind: ContainerKind, t: number): ContainerSim {
  const list = kind === 'app' ? 'containers' : 'initContainers';
  return {
    name: spec.name,
    kind,
    fieldPath: `spec.${list}{${spec.name}}`,
    spec,
    image: spec.image ?? '',
    pullPolicy: spec.imagePullPolicy ?? 'IfNotPresent',
    behaviour: behaviourOf(containerInput(spec)),
    state: 'Waiting',
    since: t,
    restartCount: 0,
    everRan: false,
    ready: false,
    started: false,
    probes: kind === 'init' ? [] : probes(spec),
  };
}

/** A fresh PodSim for a pod the kubelet has just been given. */
export function newPodSim(pod: KObject, hostIP: string, rng: Rng, t: number): PodSim {
  const spec = pod.spec ?? {};
  const containers: ContainerSim[] = [];
  for (const c of spec.initContainers ?? []) containers.push(container(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', t));
  for (const c of spec.containers ?? []) containers.push(container(c, 'app', t));
  return {
    uid: pod.metadata.uid!,
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name!,
    nodeName: spec.nodeName,
    pod,
    state: 'New',
    since: t,
    hostIP,
    sandboxReady: false,
    initializedOnce: false,
    containers,
    faults: parseFaults(pod.metadata.annotations),
    deleting: !!pod.metadata.deletionTimestamp,
    cond: {},
    rng,
    seq: 0,
  };
}

/**
 * Takes a newer version of the pod object. Returns true when the change matters to the lifecycle
 * (deletion, faults, a new image), so the caller re-runs the interpreter.
 */
export function updatePodSim(p: PodSim, pod: KObject, t: number): boolean {
  const prev = p.pod;
  p.pod = pod;
  let changed = false;
  if (!p.deleting && pod.metadata.deletionTimestamp) {
    p.deleting = true;
    changed = true;
  }
  const faults = parseFaults(pod.metadata.annotations);
  if ([...faults].join() !== [...p.faults].join()) {
    p.faults = faults;
    refaultRunning(p, t);
    invalidate(p);
    changed = true;
  }
  if (prev.spec !== pod.spec) {
    const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    p.containers.forEach((c, i) => {
      const s = specs[i];
      if (!s || s.name !== c.name) return;
      c.spec = s;
      if (s.image !== c.image) {
        c.image = s.image;
        c.pullPolicy = s.imagePullPolicy ?? c.pullPolicy;
        c.behaviour = behaviourOf(containerInput(s));
        c.resolved = undefined;
        // Back-off keys include the image (pulls) and the spec hash (restarts): both start afresh.
        c.pullBackOff = c.crashBackOff = undefined;
        // The kubelet restarts a running container whose spec hash changed; a spec update also syncs the pod at once.
        if (c.state === 'Running') c.kill = 'changed';
        if (['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'].includes(c.state)) c.state = 'Pull';
        changed = true;
      }
    });
    if (changed) invalidate(p);
  }
  return changed;
}
