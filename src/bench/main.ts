/**
 * `npm run bench [-- --json] [-- --pods N] [-- --nodes N] [-- --only api|e2e|scheduler]`: the
 * project's performance figures. Run with --expose-gc (the npm script does) so heap figures are
 * measured after a full collection.
 */
import { parseArgs } from 'node:util';
import { apiFigures } from './api';
import { e2eFigures } from './e2e';
import { printFigure, type Figure } from './report';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    pods: { type: 'string', default: '150000' },
    nodes: { type: 'string', default: '5000' },
    only: { type: 'string' },
  },
});
const json = values.json!;
const pods = Number(values.pods);
const nodes = Number(values.nodes);
const suites: Record<string, () => Figure[]> = {
  api: () => apiFigures(pods),
  e2e: () => e2eFigures(nodes, pods),
};
if (!json) console.log(`kubeplay benchmark — node ${process.version}, ${pods} pods, ${nodes} nodes`);
for (const [name, run] of Object.entries(suites)) {
  if (values.only && values.only !== name) continue;
  for (const f of run()) printFigure(f, json);
}
