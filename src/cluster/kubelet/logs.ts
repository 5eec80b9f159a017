/**
 * Container logs (`GET pods/<name>/log`), derived from the pod object alone: the container status
 * says which instance ran when, the behaviour says what it printed (script output at its simulated
 * times, server banners, kubelet probe requests in access logs). Errors are the API server's and
 * kubelet's texts (validateContainer, validateContainerLogStatus).
 */
import type { KObject } from '../api/types';
import { behaviourOf, containerInput } from './behaviour';
import { lookupImage } from './images';
import { accessLine, banner, MYSQL_TS, shutdown, type Line } from './logBanners';
import { parseFaults } from './plan';
import { runArgv } from './shellRun';

export interface LogQuery {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  limitBytes?: number;
}

/** The log text, or an error as the API server answers it (400 BadRequest). */
export type LogResult = { ok: true; text: string } | { ok: false; code: number; reason: 'BadRequest'; message: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const bad = (message: string): LogResult => ({ ok: false, code: 400, reason: 'BadRequest', message });
const ms = (ts: unknown) => (typeof ts === 'string' ? Date.parse(ts) : NaN);

function pickContainer(pod: KObject, name: string | undefined): { spec: Json } | LogResult {
  const spec = pod.spec ?? {};
  const all: Json[] = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
  if (!name) {
    if ((spec.containers ?? []).length === 1) return { spec: spec.containers[0] };
    if (!(spec.containers ?? []).length) return bad(`a container name must be specified for pod ${pod.metadata.name}`);
    return bad(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${all.map((c) => c.name).join(' ')}]`);
  }
  const c = all.find((x) => x.name === name);
  return c ? { spec: c } : bad(`container ${name} is not valid for pod ${pod.metadata.name}`);
}

/** Which instance to read (kubelet validateContainerLogStatus), as start/end epoch ms. */
function instance(pod: KObject, name: string, previous: boolean, now: number): { start: number; end: number; term?: Json } | LogResult {
  const st = pod.status ?? {};
  const cs: Json = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].find((c: Json) => c?.name === name);
  const q = (s: string) => JSON.stringify(s);
  if (!cs) return bad(`container ${q(name)} in pod ${q(pod.metadata.name!)} is not available`);
  const { running, terminated, waiting } = cs.state ?? {};
  const last = cs.lastState?.terminated;
  const fromTerm = (t: Json) => ({ start: ms(t.startedAt), end: ms(t.finishedAt), term: t });
  if (previous) {
    if (!last?.containerID) return bad(`previous terminated container ${q(name)} in pod ${q(pod.metadata.name!)} not found`);
    return fromTerm(last);
  }
  if (running) return { start: ms(running.startedAt), end: now };
  if (terminated) {
    if (terminated.containerID) return fromTerm(terminated);
    if (last?.containerID) return fromTerm(last);
    return bad(`container ${q(name)} in pod ${q(pod.metadata.name!)} is terminated`);
  }
  if (last) {
    if (!last.containerID) return bad(`container ${q(name)} in pod ${q(pod.metadata.name!)} is terminated`);
    return fromTerm(last);
  }
  if (waiting) {
    const why = waiting.reason === 'ErrImagePull' ? 'image can\'t be pulled' : waiting.reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : waiting.reason;
    return bad(`container ${q(name)} in pod ${q(pod.metadata.name!)} is waiting to start: ${why}`);
  }
  return bad(`container ${q(name)} in pod ${q(pod.metadata.name!)} is waiting to start - no logs yet`);
}

/** Every line the instance printed between `start` and `end`. */
function linesOf(pod: KObject, spec: Json, start: number, end: number, term: Json | undefined): Line[] {
  const b = behaviourOf(containerInput(spec));
  const out: Line[] = [];
  const hostname = pod.metadata.name ?? '';
  const podIP = pod.status?.podIP ?? '';
  // Status times have second precision: a finished instance may have run up to a second longer.
  const span = end - start + (term ? 999 : 0);
  for (const e of runArgv(b.argv, { env: { ...b.env, HOSTNAME: hostname }, hostname, startMs: start, stdin: b.stdin, busybox: b.busybox })) {
    if (e.at > span) break;
    if (e.kind === 'out') out.push({ at: e.at, text: e.text });
    else if (e.kind !== 'file' && e.kind !== 'term' && e.kind !== 'tick') break;
  }
  const s = b.server;
  if (s) {
    const tag = lookupImage(spec.image)?.canonicalTag ?? 'latest';
    const cpus = 4; // nginx starts one worker per CPU; the default node has 4
    if (s.fails) out.push(...s.fails.lines.map((text, i) => ({ at: b.serverAtMs + i, text: text.replace('{ts}', MYSQL_TS(start + b.serverAtMs)) })));
    else out.push(...banner(s.kind, { start: start + b.serverAtMs, podIP, hostname, cpus, tag }).map((l) => ({ at: l.at + b.serverAtMs, text: l.text })));
    out.push(...probeAccess(s.kind, spec, podIP, start, end));
    if (term && term.exitCode === 0 && term.reason === 'Completed') out.push(...shutdown(s.kind, end, cpus).map((text) => ({ at: span, text })));
  }
  if (term && term.exitCode === 1 && term.reason === 'Error' && parseFaults(pod.metadata.annotations).has('crash'))
    out.push({ at: span, text: 'fatal: simulated crash (kubeplay.dev/fault: crash)' });
  return out.filter((l) => l.at <= span).sort((a, z) => a.at - z.at);
}

/** The kubelet's HTTP probes as they appear in the server's access log. */
function probeAccess(kind: string, spec: Json, podIP: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  const src = podIP ? podIP.replace(/\.\d+$/, '.1') : '10.244.0.1';
  for (const probe of [spec.startupProbe, spec.readinessProbe, spec.livenessProbe]) {
    const h = probe?.httpGet;
    if (!h) continue;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const first = (probe.initialDelaySeconds ?? 0) * 1000 + 500;
    const path = h.path || '/';
    const code = ['/', '/index.html', '/index.php'].includes(path) ? 200 : 404;
    for (let t = first; start + t <= end && out.length < 200_000; t += period) {
      const line = accessLine(kind, start + t, src, path, code, 'kube-probe/1.32');
      if (!line) break;
      out.push({ at: t, text: line });
    }
  }
  return out;
}

function stamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** The text of `GET pods/<name>/log` for `pod` at simulated time `now`. */
export function logsFor(pod: KObject, query: LogQuery, now: number): LogResult {
  const picked = pickContainer(pod, query.container);
  if ('ok' in picked) return picked;
  if (!pod.spec?.nodeName) return { ok: true, text: '' };
  const inst = instance(pod, picked.spec.name, !!query.previous, now);
  if ('ok' in inst) return inst;
  let lines = linesOf(pod, picked.spec, inst.start, Number.isNaN(inst.end) ? now : inst.end, inst.term);
  const since = query.sinceTime ? ms(query.sinceTime) : query.sinceSeconds !== undefined ? now - query.sinceSeconds * 1000 : undefined;
  if (since !== undefined && !Number.isNaN(since)) lines = lines.filter((l) => inst.start + l.at >= since);
  if (query.tailLines !== undefined && query.tailLines >= 0) lines = query.tailLines === 0 ? [] : lines.slice(-query.tailLines);
  let text = lines.map((l) => (query.timestamps ? `${stamp(inst.start + l.at)} ${l.text}` : l.text)).join('\n');
  if (lines.length) text += '\n';
  if (query.limitBytes !== undefined && query.limitBytes > 0) text = text.slice(0, query.limitBytes);
  return { ok: true, text };
}

/** A provider bound to a clock: `provider.logsFor(pod, query)` answers at the clock's current time. */
export function createLogProvider(clock: { now(): number }) {
  return { logsFor: (pod: KObject, query: LogQuery = {}) => logsFor(pod, query, clock.now()) };
}
