/**
 * Test helpers for the pure parts: a fake NodeEnv, a pod builder, and a driver that runs the
 * interpreter to a given time and renders the trace with symbolic times (`+2.5s`) for golden files.
 */
import { loadAll } from 'js-yaml';
import type { KObject } from '../api/types';
import { createRng } from '../sim/rng';
import { PRELOADED_IMAGES } from './imageCatalog';
import { lookupImage, type ResolvedImage } from './images';
import { Ipam } from './ipam';
import { advance, indexStages, nextDue, type StageIndex } from './lifecycle';
import type { EmittedEvent, NodeEnv, PodSim } from './model';
import { newPodSim, updatePodSim } from './podSim';
import { PodRng } from './podRng';
import { defaultStages } from './stages';
import type { Stage } from './stages/types';
import { podStatus } from './status';

export const T0 = Date.UTC(2025, 0, 1);

export function fakeEnv(cached: string[] = PRELOADED_IMAGES): NodeEnv & { images: Set<string> } {
  const images = new Set<string>();
  for (const i of cached) {
    const r = lookupImage(i);
    if (r) images.add(r.ref.full);
  }
  const ipam = new Ipam('10.244.1.0/24');
  return {
    name: 'worker-1',
    ip: '172.18.0.3',
    cpus: 4,
    bandwidth: 35_000,
    pullFreeAt: 0,
    pulling: new Set(),
    images,
    hasImage: (full) => images.has(full),
    addImage: (img: ResolvedImage) => void images.add(img.ref.full),
    allocateIP: () => ipam.allocate(),
    releaseIP: (ip) => ipam.release(ip),
  };
}

/** A pod object as the API server would hand it to the kubelet (defaults the tests need filled in). */
export function testPod(yaml: string, uid = '11111111-2222-4333-8444-555555555555'): KObject {
  const pod = (loadAll(yaml) as KObject[])[0];
  pod.metadata = { namespace: 'default', uid, ...pod.metadata };
  pod.spec = { nodeName: 'worker-1', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...pod.spec };
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const tag = /:([^/]+)$/.exec(c.image)?.[1];
    c.imagePullPolicy ??= !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  return pod;
}

export interface Run {
  sim: PodSim;
  /** The simulated time the run has reached. */
  now: number;
  env: ReturnType<typeof fakeEnv>;
  idx: StageIndex;
  lines: string[];
  events: EmittedEvent[];
  deleted: boolean;
  /** Runs the interpreter until `ms` after T0 (inclusive). */
  until(ms: number): void;
  /** Hands the kubelet a changed pod object at the current time (deletion, annotations…). */
  change(mutate: (pod: KObject) => void): void;
  status(): KObject['status'];
  /** A compact, golden-friendly summary of the current status. */
  summary(): string;
}

const rel = (t: number) => `+${((t - T0) / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;

export function run(pod: KObject, opts: { seed?: number; cached?: string[]; stages?: readonly Stage[] } = {}): Run {
  const env = fakeEnv(opts.cached);
  const idx = indexStages(opts.stages ?? defaultStages);
  const sim = newPodSim(pod, env.ip, PodRng.from(createRng(opts.seed ?? 1), `pod/${pod.metadata.uid}`), T0);
  const r: Run = {
    sim,
    now: T0,
    env,
    idx,
    lines: [],
    events: [],
    deleted: false,
    until(ms) {
      const end = T0 + ms;
      for (let now = r.now; ; ) {
        r.now = now;
        const res = advance(sim, env, now, idx);
        let i = 0;
        for (const f of res.fired) {
          r.lines.push(`${rel(f.at)} ${f.subject}: ${f.stage}`);
          for (const e of res.events.slice(i, (i += f.events))) r.lines.push(`    ${e.type} ${e.reason}: ${e.message}`);
        }
        r.events.push(...res.events);
        r.deleted ||= res.deleteRequested;
        const next = nextDue(sim);
        if (next === undefined || next > end) break;
        now = next;
      }
      r.now = end;
    },
    change(mutate) {
      const pod = structuredClone(sim.pod);
      mutate(pod);
      if (updatePodSim(sim, pod, r.now)) r.lines.push(`${rel(r.now)} (pod changed)`);
      r.until(r.now - T0);
    },
    status: () => podStatus(sim, r.now),
    summary: () => summarize(podStatus(sim, r.now)),
  };
  return r;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function state(s: Json): string {
  if (s?.running) return `running since ${s.running.startedAt}`;
  if (s?.terminated) return `terminated ${s.terminated.reason} (${s.terminated.exitCode})`;
  if (s?.waiting) return `waiting ${s.waiting.reason}${s.waiting.message ? `: ${s.waiting.message}` : ''}`;
  return 'none';
}

/** phase, conditions and one line per container. */
export function summarize(st: Json): string {
  const out = [`phase: ${st.phase}${st.reason ? ` (${st.reason})` : ''}  podIP: ${st.podIP ?? '<none>'}`];
  out.push(`conditions: ${st.conditions.map((c: Json) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`).join(' ')}`);
  for (const c of [...(st.initContainerStatuses ?? []), ...st.containerStatuses]) {
    out.push(`${c.name}: ${state(c.state)}; ready=${c.ready} started=${c.started} restarts=${c.restartCount}${c.lastState?.terminated ? `; last: ${state(c.lastState)}` : ''}`);
  }
  return out.join('\n');
}
