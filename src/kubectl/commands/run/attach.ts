/**
 * `kubectl run -i/-t/--attach` without an attachable terminal: wait until the pod runs (or ends),
 * say that attaching is not possible, and stream its logs — what kubectl itself falls back to when
 * attach fails — then, with --rm, delete the pod.
 */
import type { Cmd } from '../../cli/command';
import { resourcePath } from '../../client/paths';
import { watch } from '../../client/watch';
import type { Obj } from '../../util/manifest';

const POD = { group: '', version: 'v1', resource: 'pods', namespaced: true };

export async function attachFallback(cmd: Cmd, name: string, restart: string, rm: boolean, quiet: boolean): Promise<void> {
  const ns = cmd.namespace;
  const fieldSelector = `metadata.name=${name}`;
  const list = await cmd.client.call<Obj>({ path: resourcePath(POD, ns), query: { fieldSelector } });
  let phase = String(((list.items as Obj[])?.[0]?.status as { phase?: string })?.phase ?? '');
  const rv = String((list.metadata as { resourceVersion?: string })?.resourceVersion ?? '');
  const done = (p: string) => p === 'Running' || p === 'Succeeded' || p === 'Failed';
  if (!done(phase))
    await watch(cmd, { path: resourcePath(POD, ns), query: { fieldSelector, resourceVersion: rv, watch: 'true' } }, (e) => {
      phase = String((e.object.status as { phase?: string })?.phase ?? '');
      return done(phase);
    });
  if (!quiet && phase === 'Running') cmd.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: the playground has no terminal to attach to\n`);
  const follow = phase === 'Running' && restart !== 'Always' ? 'true' : 'false';
  const text = await cmd.client.text({ path: resourcePath(POD, ns, name, 'log'), query: { container: name, ...(follow === 'true' ? {} : {}) } });
  cmd.out(text);
  if (rm) {
    await cmd.client.call({ method: 'DELETE', path: resourcePath(POD, ns, name), contentType: 'application/json', body: JSON.stringify({ propagationPolicy: 'Background' }) });
    if (!quiet) cmd.out(`pod "${name}" deleted\n`);
  }
}
