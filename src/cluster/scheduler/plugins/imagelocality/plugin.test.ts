import { describe, expect, it } from 'vitest';
import { makeNode, makePod, scores, testHandle } from '../testing';
import { calculatePriority, newImageLocality } from './plugin';

const MB = 1024 * 1024;

describe('ImageLocality', () => {
  it.each([
    { name: 'below 23 MB an image is worth nothing', sum: 10 * MB, containers: 1, want: 0 },
    { name: '1000 MB per container is worth 100', sum: 1000 * MB, containers: 1, want: 100 },
    { name: 'larger sums are capped', sum: 5000 * MB, containers: 1, want: 100 },
    { name: 'in between it scales linearly', sum: 511 * MB, containers: 1, want: 49 },
    { name: 'the cap grows with the number of containers', sum: 1000 * MB, containers: 2, want: 49 },
  ])('$name', ({ sum, containers, want }) => {
    expect(calculatePriority(sum, containers)).toBe(want);
  });

  it('nodes having the image score higher, scaled by how many nodes have it', () => {
    const img = { names: ['registry.k8s.io/big:1.0'], sizeBytes: 800 * MB };
    const h = testHandle([makeNode('with', { images: [img] }), makeNode('without')]);
    const pl = newImageLocality(h);
    // spread 1/2 → 400 MB counted → (400 − 23) × 100 / (1000 − 23) = 38
    expect(scores(pl, makePod('p', { image: 'registry.k8s.io/big:1.0' }), [h.cache.get('with')!, h.cache.get('without')!])).toEqual([38, 0]);
  });

  it('a tagless image is looked up as :latest', () => {
    const h = testHandle([makeNode('n', { images: [{ names: ['busybox:latest'], sizeBytes: 2000 * MB }] })]);
    expect(scores(newImageLocality(h), makePod('p', { image: 'busybox' }), [h.cache.get('n')!])).toEqual([100]);
  });
});
