/** Every template and example is valid YAML that passes the editor's schema (what live mode requires). */
import { describe, expect, it } from 'vitest';
import { allDefinitions } from '../../../cluster/api/schema';
import { allResources } from '../../../cluster/apiserver/resources';
import { createCluster } from '../../../cluster/cluster';
import { applyDocuments, parseManifests } from '../../../client/apply';
import { buildManifestSchema } from '../schema/generate';
import { validateManifest } from '../schema/validate';
import { EXAMPLES } from './examples';
import { TEMPLATES } from './templates';

const schema = buildManifestSchema(allDefinitions(), allResources);
const texts = [...TEMPLATES.map((t) => [t.file, t.text] as const), ...EXAMPLES.flatMap((t) => t.examples.map((x) => [x.file, x.text] as const))];

describe('templates and examples', () => {
  it.each(texts)('%s', (_file, text) => {
    const parsed = parseManifests(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.docs.length).toBeGreaterThan(0);
    for (const d of parsed.docs) expect(validateManifest(schema, d.value)).toEqual([]);
  });
});

describe('templates and examples apply cleanly', () => {
  it.each(texts)('%s', async (_file, text) => {
    const cluster = createCluster({ seed: 1, controllers: 'none' });
    const rest = async (req: Parameters<typeof cluster.rest>[0]) => {
      const r = cluster.rest(req);
      if (r.kind !== 'reply') throw new Error('stream');
      return r;
    };
    const results = await applyDocuments(rest, parseManifests(text).docs.map((d) => d.value));
    expect(results.filter((r) => r.outcome === 'error').map((r) => r.message)).toEqual([]);
  });
});
