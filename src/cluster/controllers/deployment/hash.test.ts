import { describe, expect, it } from 'vitest';
import { canonicalJson, computeHash, safeEncodeString } from './hash';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };

describe('pod-template-hash (ComputeHash)', () => {
  it('maps decimal digits through SafeEncodeString: 0→4 1→5 2→6 3→7 4→8 5→9 6→b 7→c 8→d 9→f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('uses only those ten characters, 1–10 of them', () => {
    for (let i = 0; i < 200; i++) expect(computeHash({ ...template, n: i })).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('is deterministic and ignores key order', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.27', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(reordered)).toBe(computeHash(template));
  });

  it('changes with the template and with collisionCount', () => {
    const other = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } };
    expect(computeHash(other)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
    expect(computeHash(template, 0)).not.toBe(computeHash(template));
  });

  it('hashes canonical JSON: sorted keys, undefined members dropped', () => {
    expect(canonicalJson({ b: 1, a: [undefined, { d: undefined, c: 'x' }] })).toBe('{"a":[null,{"c":"x"}],"b":1}');
  });
});
