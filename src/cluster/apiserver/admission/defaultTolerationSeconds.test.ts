import { describe, expect, it } from 'vitest';
import { copy, podManifest, podServer } from '../resources/pod/testkit';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const notReady = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const unreachable = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

describe('DefaultTolerationSeconds admission', () => {
  it.each<[string, Json[], Json[]]>([
    ['adds both tolerations to a plain pod', [], [notReady, unreachable]],
    [
      'keeps an existing not-ready toleration',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }, unreachable],
    ],
    ['treats a tolerate-everything toleration as covering both', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    [
      'treats an empty effect as NoExecute',
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }],
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, notReady],
    ],
    [
      'ignores NoSchedule tolerations of the same key',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }, notReady, unreachable],
    ],
  ])('%s', (_n, tolerations, want) => {
    const { create } = podServer();
    expect(create(podManifest('p', { tolerations })).spec.tolerations).toEqual(want);
  });

  it('re-adds the tolerations on update so a PUT without them is not a spec change', () => {
    const { create, update } = podServer();
    const p = copy(create(podManifest('p')));
    p.spec.tolerations = [];
    expect(update(p).spec.tolerations).toEqual([notReady, unreachable]);
  });
});
