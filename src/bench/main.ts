/**
 * `npm run bench [-- --json] [-- --pods N]`: the project's performance figures. Run with
 * --expose-gc (the npm script does) so heap figures are measured after a full collection.
 */
import { parseArgs } from 'node:util';
import { apiFigures } from './api';
import { printFigure } from './report';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, pods: { type: 'string', default: '150000' } },
});
const json = values.json!;
if (!json) console.log(`kubeplay benchmark — node ${process.version}`);
for (const f of apiFigures(Number(values.pods))) printFigure(f, json);
