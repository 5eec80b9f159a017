/** A cluster that stops answering is said on the status line, not left as "applying…" forever. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buffers } from '../buffers/store';
import type { EditorHost } from '../host';
import { EditorSession } from '../session';
import { createActions } from './actions';
import { runOf } from './state';

afterEach(() => {
  vi.useRealTimers();
});

describe('an apply the cluster never answers', () => {
  it('keeps the buffer busy and says after 10 s that the engine may have stopped', async () => {
    vi.useFakeTimers();
    const silent: EditorHost = { rest: () => new Promise(() => {}), watch: async () => () => {} };
    const actions = createActions(new EditorSession(silent));
    const b = buffers.add('stuck.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', { type: 'scratch' });
    void actions.apply(b.id);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(runOf(b.id).status?.text).toBe('applying…');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(runOf(b.id).busy).toBe(true);
    expect(runOf(b.id).status).toMatchObject({ tone: 'warn', text: expect.stringContaining('Still applying: no answer from the cluster after 10 s') });
  });
});
