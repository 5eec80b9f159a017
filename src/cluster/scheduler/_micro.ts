import { nodeObject, nodeStatus } from '../bootstrap/nodes';
import { SimClock } from '../sim/clock';
import { createRng } from '../sim/rng';
import { benchPod } from './bench';
import { newPodInfo, withNodeName } from './framework/podInfo';
import { CycleState } from './framework/types';
import { Scheduler } from './scheduler';
const cpu = () => process.cpuUsage().user / 1000;
const clock = new SimClock();
const s = new Scheduler({ client: { get: () => undefined, list: () => [] } as never, recorder: { event() {} }, clock, rng: createRng(1) });
for (let i = 0; i < 5000; i++) { const spec = { name: `node-${i}`, cpu: '4', memory: '16Gi', zone: ['a','b','c'][i%3], ip: '1.1.1.1' }; const n = nodeObject(spec, i); n.status = nodeStatus(spec, 'x'); s.cache.addNode(n); }
const pods = Array.from({ length: 4000 }, (_, i) => { const p = benchPod(i); p.metadata.uid = `u${i}`; return newPodInfo(p); });
const phases: Record<string, number> = {};
const T = (k: string, f: () => void) => { const t = cpu(); f(); phases[k] = (phases[k] ?? 0) + cpu() - t; };
let j = 0;
for (const pi of pods) {
  let out: ReturnType<typeof s.algo.schedulePod> | undefined; const st = new CycleState();
  T('schedulePod', () => { out = s.algo.schedulePod(s.fw, st, pi); });
  T('assume', () => { s.cache.assumePod(withNodeName(pi, out!.host)); });
  T('explain', () => s.explain.record({ uid: pi.uid, namespace: 'default', name: pi.name, attempts: 1, now: 0, result: 'Scheduled', node: out!.host, totalNodes: 5000, failed: out!.diagnosis.nodeToStatus, feasible: out!.feasible, table: out!.table }));
  j++;
}
for (const [k, v] of Object.entries(phases)) console.log(k, (v / pods.length * 1000).toFixed(1), 'µs/pod');
// split schedulePod: filter vs score
const st = new CycleState(); const pi = newPodInfo({ ...benchPod(99999), metadata: { ...benchPod(99999).metadata, uid: 'x' } });
let t = cpu(); for (let i = 0; i < 2000; i++) { const pre = s.fw.runPreFilter(st, pi); void pre; } console.log('prefilter', ((cpu() - t) / 2000 * 1000).toFixed(2));
const nodes = s.cache.list().slice(0, 500);
t = cpu(); for (let i = 0; i < 2000; i++) { s.fw.runPreScore(st, pi, nodes); s.fw.runScore(st, pi, nodes); } console.log('prescore+score 500', ((cpu() - t) / 2000 * 1000).toFixed(2));
const f = s.fw.activeFilters(st); const out: (null|unknown)[] = [];
t = cpu(); for (let i = 0; i < 2000; i++) { for (let k = 0; k < 570; k++) out[k] = null; for (const p of f) p.filterAll!(st, pi, nodes.concat(nodes.slice(0,70)), out as never, 570); } console.log('filterAll 570', ((cpu() - t) / 2000 * 1000).toFixed(2), f.map(x=>x.name));
