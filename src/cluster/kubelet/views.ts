/**
 * The views stage selectors read: small flat records computed from a PodSim at a time `t`.
 *
 * pod:       state, deleting, finished, deadline, allStopped
 * container: state, kind, podState, turn, pullPolicy, imageValid, imagePresent, imageFound, needsPull,
 *            pullBackOff ('active'|'none'), crashBackOff ('active'|'none'), exits, kill, restart,
 *            appsStopped, startError
 * probe:     type, containerState, enabled, settled, lastOk ('true'|'false'|'none')
 */
import { parseImage, resolveImage, type ResolvedImage } from './images';
import type { BackOff, ContainerSim, NodeEnv, PodSim, ProbeSim } from './model';

export type View = Record<string, string | boolean>;

/** MaxContainerBackOff: 300 s; an entry older than twice that is forgotten (flowcontrol.Backoff). */
export const MAX_BACKOFF_MS = 300_000;

export interface ImageCheck {
  valid: boolean;
  parseError?: string;
  resolved?: ResolvedImage;
  pullError?: string;
}

const checks = new Map<string, ImageCheck>();

/** Parse + registry lookup of an image string (pure, cached). */
export function checkImage(image: string): ImageCheck {
  let c = checks.get(image);
  if (c) return c;
  const ref = parseImage(image);
  if ('error' in ref) c = { valid: false, parseError: ref.error };
  else {
    const r = resolveImage(ref);
    c = 'error' in r ? { valid: true, pullError: r.error } : { valid: true, resolved: r };
  }
  if (checks.size > 10_000) checks.clear();
  checks.set(image, c);
  return c;
}

/** IsInBackOffSince(eventTime) against an entry: still waiting at `t`? */
export function inBackOff(b: BackOff | undefined, eventTime: number, t: number): boolean {
  if (!b) return false;
  if (eventTime - b.lastUpdate > 2 * MAX_BACKOFF_MS) return false;
  return t - eventTime < b.ms;
}

export function podView(p: PodSim): View {
  const regularInitFailed = p.containers.some((c) => c.kind === 'init' && c.state === 'Done' && (c.term?.exitCode ?? 0) !== 0);
  const appsDone = p.containers.every((c) => c.kind !== 'app' || c.state === 'Done');
  return {
    state: p.state,
    deleting: p.deleting,
    finished: appsDone || regularInitFailed,
    deadline: p.pod.spec?.activeDeadlineSeconds != null && p.startTime !== undefined,
    allStopped: p.containers.every((c) => c.state === 'Done'),
  };
}

/** Init containers before `c` are done (or, for sidecars, started): may `c` start now? */
function turn(p: PodSim, c: ContainerSim): boolean {
  if (p.state !== 'Active' || p.deleting) return false;
  for (const o of p.containers) {
    if (o === c) return true;
    if (o.kind === 'app') continue;
    if (o.kind === 'init' && !(o.state === 'Done' && (o.term?.exitCode ?? 1) === 0)) return false;
    if (o.kind === 'sidecar' && !(o.state === 'Running' && o.started)) return false;
  }
  return true;
}

function restarts(p: PodSim, c: ContainerSim): boolean {
  if (p.state === 'Stopping' || p.state === 'Terminal' || p.deleting) return false;
  const code = c.term?.exitCode ?? 0;
  if (c.kind === 'sidecar') return true;
  const policy = p.pod.spec?.restartPolicy ?? 'Always';
  if (c.kind === 'init') return code !== 0 && policy !== 'Never';
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
}

export function containerView(p: PodSim, c: ContainerSim, env: NodeEnv, t: number): View {
  const img = checkImage(c.image);
  const present = !!img.resolved && env.hasImage(img.resolved.ref.full);
  const policy = c.pullPolicy;
  return {
    state: c.state,
    kind: c.kind,
    podState: p.state,
    turn: c.state === 'Waiting' && turn(p, c),
    pullPolicy: policy,
    imageValid: img.valid,
    imagePresent: present,
    imageFound: !!img.resolved,
    needsPull: policy === 'Always' || (policy !== 'Never' && !present),
    pullBackOff: c.pullBackOff && inBackOff(c.pullBackOff, c.pullBackOff.lastUpdate, t) ? 'active' : 'none',
    crashBackOff: c.term && inBackOff(c.crashBackOff, c.term.finishedAt, t) ? 'active' : 'none',
    exits: c.plan?.exitAt !== undefined,
    kill: c.kill ?? '',
    restart: (c.state === 'Exited' || c.state === 'CrashLoopBackOff') && restarts(p, c),
    appsStopped: p.containers.every((o) => o.kind === 'sidecar' || o.state === 'Done'),
    startError: !!c.behaviour.startError,
  };
}

export function probeView(c: ContainerSim, pr: ProbeSim): View {
  const threshold = pr.type === 'readiness' ? (pr.spec?.successThreshold ?? 1) : 1;
  return {
    type: pr.type,
    containerState: c.state,
    enabled: pr.type === 'startup' ? !c.started : c.started,
    settled: !!pr.last?.ok && pr.stableUntil === Infinity && pr.successes >= threshold,
    lastOk: pr.last ? String(pr.last.ok) : 'none',
  };
}
