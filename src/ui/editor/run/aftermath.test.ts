/** Refusals that follow an apply: only new Warning events about what it made, each refusal once. */
import { describe, expect, it } from 'vitest';
import type { ObjectRef } from '../../../client/apply';
import type { EditorHost } from '../host';
import { eventMark, warningsSince } from './aftermath';

const ev = (rv: number, name: string, message: string, extra: Record<string, unknown> = {}) => ({
  type: 'Warning',
  reason: 'FailedCreate',
  message,
  involvedObject: { kind: 'ReplicaSet', name, namespace: 'team' },
  metadata: { resourceVersion: String(rv) },
  ...extra,
});

function hostWith(items: unknown[], rv: number): EditorHost {
  return {
    rest: async (req) => {
      if (req.path !== '/api/v1/namespaces/team/events') return { status: 404, headers: {}, body: '{}' };
      return { status: 200, headers: {}, body: JSON.stringify({ metadata: { resourceVersion: String(rv) }, items }) };
    },
    watch: async () => () => {},
  };
}

const app = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app', namespace: 'team' } as ObjectRef;

describe('warningsSince', () => {
  it('folds a ReplicaSet retrying refused pods into one line with a count', async () => {
    const refused = (pod: string) => `Error creating: pods "${pod}" is forbidden: failed quota: q: must specify requests.cpu for: c`;
    const host = hostWith(
      [
        ev(5, 'app-5d58', refused('app-5d58-old')),
        ev(11, 'app-5d58', refused('app-5d58-aaaaa')),
        ev(12, 'app-5d58', refused('app-5d58-bbbbb'), { count: 2 }),
        ev(13, 'other-77', refused('other-77-ccccc')),
        ev(14, 'app-5d58', 'pulled', { type: 'Normal' }),
        ev(15, 'app-5d58', 'Error creating: pods "app-5d58-ddddd" is forbidden: exceeded quota: q'),
      ],
      20,
    );
    const found = await warningsSince(host, [app], new Map([['team', 10]]));
    expect(found.get(app)).toEqual([
      `replicaset/app-5d58: FailedCreate: ${refused('app-5d58-aaaaa')} (×3)`,
      'replicaset/app-5d58: FailedCreate: Error creating: pods "app-5d58-ddddd" is forbidden: exceeded quota: q',
    ]);
  });

  it('marks a namespace the apply creates as having no events yet', async () => {
    const mark = await eventMark(hostWith([], 0), [{ namespace: 'absent' }]);
    expect(mark.get('absent')).toBe(0);
  });
});
