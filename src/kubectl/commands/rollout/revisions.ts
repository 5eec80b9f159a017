/**
 * `rollout history` and `rollout undo` of a DaemonSet or StatefulSet: the ControllerRevisions it
 * controls (polymorphichelpers history.go controlledHistories/printHistory, rollback.go). A
 * revision's data is the strategic-merge patch `{"spec":{"template":{…,"$patch":"replace"}}}`.
 */
import type { Cmd } from '../../cli/command';
import { resourcePath } from '../../client/paths';
import { selectorString, type J } from '../../describe/format';
import { describePodTemplate } from '../../describe/pod';
import { rawString, tabbedString } from '../../describe/writer';
import { goJson } from '../../printers/json';
import type { Info } from '../../resource/builder';
import { typedPodTemplate } from '../../util/typed';

const CONTROLLER_REVISIONS = { group: 'apps', version: 'v1', resource: 'controllerrevisions', namespaced: true };
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const usesControllerRevisions = (info: Info) => info.mapping.group === 'apps' && (info.mapping.kind === 'DaemonSet' || info.mapping.kind === 'StatefulSet');

/** The owner and its revisions, by revision number. */
async function history(cmd: Cmd, info: Info): Promise<{ owner: J; byRevision: Map<number, J> }> {
  let owner: J;
  try {
    owner = await cmd.client.call<J>({ path: resourcePath(info.mapping, info.namespace, info.name) });
  } catch (e) {
    throw new Error(`failed to retrieve ${info.mapping.kind} ${info.name}: ${(e as Error).message}`);
  }
  const list = await cmd.client.call<J>({ path: resourcePath(CONTROLLER_REVISIONS, info.namespace), query: { labelSelector: selectorString(owner.spec?.selector) } });
  const byRevision = new Map<number, J>();
  for (const cr of (list.items as J[]) ?? []) {
    if (((cr.metadata?.ownerReferences as J[]) ?? []).some((r) => r.controller && r.uid === owner.metadata?.uid)) byRevision.set(Number(cr.revision), cr);
  }
  return { owner, byRevision };
}

/** The pod template a revision restores (applying its replace patch yields exactly its template). */
function templateOf(cr: J): J {
  const t = structuredClone(cr.data?.spec?.template ?? {});
  delete t.$patch;
  return typedPodTemplate(t);
}

export async function revisionHistory(cmd: Cmd, info: Info, revision: number): Promise<string> {
  const { byRevision } = await history(cmd, info);
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const cr = byRevision.get(revision);
    if (!cr) throw new Error(`unable to find the specified revision`);
    return rawString((w) => describePodTemplate(templateOf(cr), w, { now: cmd.now(), tzOffset: cmd.tzOffset }));
  }
  const revisions = [...byRevision.keys()].sort((a, b) => a - b);
  return tabbedString((w) => {
    w.write(0, 'REVISION\tCHANGE-CAUSE\n');
    for (const r of revisions) w.write(0, `${r}\t${byRevision.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  });
}

/** Rollback: the result word kubectl prints after the object (`rolled back`, `skipped rollback (…)`) or the client dry run's template. */
export async function revisionRollback(cmd: Cmd, info: Info, toRevision: number, dry: 'none' | 'client' | 'server'): Promise<string> {
  const notFound = () => new Error(`unable to find specified revision ${toRevision} in history`);
  if (toRevision < 0) throw notFound();
  const { owner, byRevision } = await history(cmd, info);
  const revisions = [...byRevision.keys()].sort((a, b) => a - b);
  if (toRevision === 0 && revisions.length <= 1) throw new Error('no last revision to roll back to');
  const target = byRevision.get(toRevision === 0 ? revisions[revisions.length - 2] : toRevision);
  if (!target) throw notFound();
  const template = templateOf(target);
  if (dry === 'client') return `will roll back to ${rawString((w) => describePodTemplate(template, w, { now: cmd.now(), tzOffset: cmd.tzOffset }))}`;
  // statefulsetMatch/daemonSetMatch compare bytes: the owner's typed template as a replace patch
  // (json.Marshal of maps: sorted keys) against the revision's raw data as the server sent it.
  const current = typedPodTemplate(structuredClone(owner.spec?.template ?? {}));
  if (goJson({ spec: { template: { ...current, $patch: 'replace' } } }) === JSON.stringify(target.data))
    return `skipped rollback (current template already matches revision ${toRevision})`;
  try {
    await cmd.client.call({
      method: 'PATCH',
      path: resourcePath(info.mapping, info.namespace, info.name),
      query: dry === 'server' ? { dryRun: 'All' } : {},
      contentType: 'application/strategic-merge-patch+json',
      body: JSON.stringify(target.data),
    });
  } catch (e) {
    throw new Error(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}
