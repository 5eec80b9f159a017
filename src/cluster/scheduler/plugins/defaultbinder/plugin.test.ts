import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { CycleState } from '../../framework/types';
import { makeNode, makePod, testHandle, verdict } from '../testing';
import { newDefaultBinder } from './plugin';

describe('DefaultBinder', () => {
  it.each([
    { name: 'binds through the pods/binding subresource', fail: false, want: 'Success' },
    { name: 'an API error becomes an Error status', fail: true, want: 'Error: pod p is already assigned' },
  ])('$name', ({ fail, want }) => {
    const h = testHandle([makeNode('n1')]);
    const calls: string[] = [];
    (h.client as { bind: unknown }).bind = (ns: string, name: string, node: string) => {
      if (fail) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, message: `pod ${name} is already assigned` });
      calls.push(`${ns}/${name}→${node}`);
    };
    expect(verdict(newDefaultBinder(h).bind(new CycleState(), makePod('p'), 'n1'))).toBe(want);
    expect(calls).toEqual(fail ? [] : ['default/p→n1']);
  });
});
