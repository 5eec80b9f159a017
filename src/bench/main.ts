/**
 * `npm run bench [-- --json] [-- --pods N] [-- --nodes N] [-- --only api|e2e|scheduler] [-- --profile DIR]`: the
 * project's performance figures. Run with --expose-gc (the npm script does) so heap figures are
 * measured after a full collection.
 */
import { parseArgs } from 'node:util';
import { apiFigures } from './api';
import { apiWriteFigures } from './apiWrites';
import { e2eFigures } from './e2e';
import { schedulerFigures } from './scheduler';
import { printFigure, type Figure } from './report';
import { profileInto } from './profile';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    pods: { type: 'string' },
    nodes: { type: 'string', default: '5000' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});
const json = values.json!;
profileInto(values.profile);
// The full issue-3 run (150,000 pods) takes many minutes today: e2e and scheduler default to a
// smaller count; `--pods 150000` asks for the full figure.
const pods = values.pods === undefined ? undefined : Number(values.pods);
const nodes = Number(values.nodes);
const suites: Record<string, () => Figure[]> = {
  api: () => [...apiFigures(pods ?? 150_000), ...apiWriteFigures()],
  e2e: () => e2eFigures(nodes, pods ?? 10_000),
  scheduler: () => schedulerFigures(nodes, pods ?? 20_000),
};
if (!json) console.log(`kubeplay benchmark — node ${process.version}, ${pods ?? 'default'} pods, ${nodes} nodes`);
for (const [name, run] of Object.entries(suites)) {
  if (values.only && values.only !== name) continue;
  for (const f of run()) printFigure(f, json);
}
