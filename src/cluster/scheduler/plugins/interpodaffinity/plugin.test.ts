import { describe, expect, it } from 'vitest';
import { filterVerdicts, makeNode, makePod, scores, testHandle } from '../testing';
import { newInterPodAffinity } from './plugin';

const zone = 'topology.kubernetes.io/zone';
const host = 'kubernetes.io/hostname';
const term = (labels: Record<string, string>, topologyKey: string, extra: object = {}) => ({ labelSelector: { matchLabels: labels }, topologyKey, ...extra });
const affinity = (t: object) => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } });
const anti = (t: object) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } });

function cluster(pods: ReturnType<typeof makePod>[] = []) {
  return testHandle(
    [makeNode('a1', { labels: { [zone]: 'a' } }), makeNode('a2', { labels: { [zone]: 'a' } }), makeNode('b1', { labels: { [zone]: 'b' } }), makeNode('bare', { labels: {} })],
    pods,
  );
}
const verdicts = (h: ReturnType<typeof cluster>, pod: ReturnType<typeof makePod>) => filterVerdicts(newInterPodAffinity(h), pod, ['a1', 'a2', 'b1'].map((n) => h.cache.get(n)!));
const NO_AFF = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules";
const NO_ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules";
const EXISTING = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";

describe('InterPodAffinity Filter', () => {
  it('required affinity needs a matching pod in the same topology domain', () => {
    const h = cluster([makePod('db', { node: 'a1', labels: { app: 'db' } })]);
    expect(verdicts(h, makePod('p', { affinity: affinity(term({ app: 'db' }, zone)) }))).toEqual(['Success', 'Success', NO_AFF]);
  });

  it('the first pod of a group with affinity to itself may go anywhere', () => {
    const h = cluster();
    const pod = makePod('p', { labels: { app: 'web' }, affinity: affinity(term({ app: 'web' }, zone)) });
    expect(verdicts(h, pod)).toEqual(['Success', 'Success', 'Success']);
  });

  it('a node without the topology key fails required affinity', () => {
    const h = cluster([makePod('db', { node: 'a1', labels: { app: 'db' } })]);
    expect(filterVerdicts(newInterPodAffinity(h), makePod('p', { affinity: affinity(term({ app: 'db' }, zone)) }), [h.cache.get('bare')!])).toEqual([NO_AFF]);
  });

  it('required anti-affinity keeps the pod away from matching pods’ domains', () => {
    const h = cluster([makePod('w', { node: 'a1', labels: { app: 'web' } })]);
    expect(verdicts(h, makePod('p', { labels: { app: 'web' }, affinity: anti(term({ app: 'web' }, host)) }))).toEqual([NO_ANTI, 'Success', 'Success']);
  });

  it('existing pods’ anti-affinity keeps matching pods out of their domain', () => {
    const h = cluster([makePod('loner', { node: 'a1', labels: { app: 'loner' }, affinity: anti(term({ app: 'web' }, zone)) })]);
    expect(verdicts(h, makePod('p', { labels: { app: 'web' } }))).toEqual([EXISTING, EXISTING, 'Success']);
  });

  it('terms only look at their namespaces (the pod’s own by default)', () => {
    const h = cluster([makePod('db', { node: 'a1', namespace: 'other', labels: { app: 'db' } })]);
    const own = makePod('p', { affinity: affinity(term({ app: 'db' }, zone)) });
    const listed = makePod('q', { affinity: affinity(term({ app: 'db' }, zone, { namespaces: ['other'] })) });
    expect(verdicts(h, own)).toEqual([NO_AFF, NO_AFF, NO_AFF]);
    expect(verdicts(h, listed)).toEqual(['Success', 'Success', NO_AFF]);
  });

  it('a pod without terms, with no anti-affinity pods around, is not checked (PreFilter skips)', () => {
    const h = cluster([makePod('w', { node: 'a1', labels: { app: 'web' } })]);
    expect(verdicts(h, makePod('p', { labels: { app: 'web' } }))).toEqual(['Success', 'Success', 'Success']);
  });
});

describe('InterPodAffinity Score', () => {
  const preferred = (kind: 'podAffinity' | 'podAntiAffinity', labels: Record<string, string>, key: string, weight = 10) => ({
    [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: term(labels, key) }] },
  });

  it.each([
    { name: 'preferred affinity favours domains with matching pods', aff: preferred('podAffinity', { app: 'db' }, zone), want: [100, 100, 0] },
    { name: 'preferred anti-affinity disfavours them', aff: preferred('podAntiAffinity', { app: 'db' }, zone), want: [0, 0, 100] },
    { name: 'per-host anti-affinity only touches that host', aff: preferred('podAntiAffinity', { app: 'db' }, host), want: [0, 100, 100] },
  ])('$name', ({ aff, want }) => {
    const h = cluster([makePod('db', { node: 'a1', labels: { app: 'db' } })]);
    expect(scores(newInterPodAffinity(h), makePod('p', { affinity: aff }), ['a1', 'a2', 'b1'].map((n) => h.cache.get(n)!))).toEqual(want);
  });

  it('existing pods’ preferred affinity to the incoming pod counts too', () => {
    const h = cluster([makePod('friend', { node: 'b1', affinity: preferred('podAffinity', { app: 'web' }, zone) })]);
    expect(scores(newInterPodAffinity(h), makePod('p', { labels: { app: 'web' } }), ['a1', 'b1'].map((n) => h.cache.get(n)!))).toEqual([0, 100]);
  });

  it('without any affinity around nothing is scored (PreScore skips)', () => {
    const h = cluster([makePod('w', { node: 'a1', labels: { app: 'web' } })]);
    expect(scores(newInterPodAffinity(h), makePod('p'), h.cache.list())).toBeNull();
  });
});
