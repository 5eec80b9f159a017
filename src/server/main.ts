/**
 * `npm run cluster`: the kubeplay control plane, headless, behind real HTTP for kubectl.
 *   --port <n>         listen on 127.0.0.1:<n> (default 6443; 0 picks a free port)
 *   --kubeconfig <f>   where to write the kubeconfig (default .kubeplay/kubeconfig)
 *   --seed <n>         RNG seed (default 1)
 *   --speed <f>        simulated seconds per wall second (default 1)
 *   --empty            nodes only, no sample workload
 *   --max-objects <n>  store capacity
 *   --event-ttl <d>    how long Events live after their last write (default 1h, as kube-apiserver; 0 keeps them)
 *   --log              print every request
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDuration } from '../cluster/api/duration';
import { createCluster } from '../cluster/cluster';
import { serveCluster } from './http';
import { writeKubeconfig } from './kubeconfig';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '6443' },
    kubeconfig: { type: 'string', default: '.kubeplay/kubeconfig' },
    seed: { type: 'string', default: '1' },
    speed: { type: 'string', default: '1' },
    empty: { type: 'boolean', default: false },
    'max-objects': { type: 'string' },
    'event-ttl': { type: 'string', default: '1h' },
    log: { type: 'boolean', default: false },
  },
});

const speed = Number(values.speed);
if (!(speed > 0)) {
  console.error(`--speed must be a positive number, got ${values.speed}`);
  process.exit(2);
}
const eventTtl = parseDuration(values['event-ttl']!);
if (eventTtl === undefined) {
  console.error(`--event-ttl must be a duration such as 1h, 30m or 0, got ${values['event-ttl']}`);
  process.exit(2);
}
const startWall = Date.now();
const cluster = createCluster({
  seed: Number(values.seed),
  empty: values.empty,
  maxObjects: values['max-objects'] ? Number(values['max-objects']) : undefined,
  eventTtlMs: eventTtl,
  startTime: Math.floor(startWall / 1000) * 1000,
});
const simStart = cluster.clock.now();

// Wall time drives simulated time here (outside src/cluster, which never reads the wall clock).
// Each tick yields after 50 ms of work so HTTP requests are served even during a huge burst.
setInterval(() => {
  const t0 = Date.now();
  cluster.clock.advanceTo(simStart + (t0 - startWall) * speed, () => Date.now() - t0 > 50);
}, 20).unref();

const server = serveCluster(cluster, values.log ? (m, u, s) => console.log(`${s} ${m} ${u}`) : undefined);
server.listen(Number(values.port), '127.0.0.1', () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : Number(values.port);
  const url = `http://127.0.0.1:${port}`;
  const kc = resolve(values.kubeconfig!);
  writeKubeconfig(kc, url);
  console.log(`kubeplay API server ready at ${url} — use it with: export KUBECONFIG=${kc}; kubectl get nodes`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
