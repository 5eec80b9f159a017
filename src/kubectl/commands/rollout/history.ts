/** `kubectl rollout history` and `rollout undo` for Deployments (polymorphichelpers history.go, rollback.go). */
import type { Cmd } from '../../cli/command';
import { dryRunStrategy } from '../../cli/dryrun';
import { resourcePath } from '../../client/paths';
import { describePodTemplate } from '../../describe/pod';
import { rawString, tabbedString } from '../../describe/writer';
import { findDeploymentReplicaSets, equalIgnoreHash } from '../../describe/replicasets';
import type { J } from '../../describe/format';
import { aggregate } from '../../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../../printers/output';
import { build, type Info } from '../../resource/builder';
import type { Obj } from '../../util/manifest';
import { typedView } from '../../util/typed';
import { typedPodTemplate } from '../../util/typed';
import { revisionHistory, revisionRollback, usesControllerRevisions } from './revisions';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function historyOf(rss: J[]): Map<number, J> {
  const h = new Map<number, J>();
  for (const rs of rss) {
    const v = Number(rs.metadata?.annotations?.[REVISION]);
    if (!Number.isInteger(v) || rs.metadata?.annotations?.[REVISION] === undefined) continue;
    const tpl = structuredClone(rs.spec?.template ?? {});
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE];
    tpl.metadata ??= {};
    tpl.metadata.annotations ??= {};
    if (cause) tpl.metadata.annotations[CHANGE_CAUSE] = cause;
    h.set(v, tpl);
  }
  return h;
}

async function deploymentFor(cmd: Cmd, info: Info): Promise<J> {
  try {
    return await cmd.client.call<J>({ path: resourcePath(info.mapping, info.namespace, info.name) });
  } catch (e) {
    throw new Error(`failed to retrieve Deployment ${info.name}: ${(e as Error).message}`);
  }
}

async function viewHistory(cmd: Cmd, info: Info, revision: number): Promise<string> {
  const d = await deploymentFor(cmd, info);
  const { oldRSs, newRS } = await findDeploymentReplicaSets(cmd, d, 0);
  const h = historyOf(newRS ? [...oldRSs, newRS] : oldRSs);
  if (h.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const t = h.get(revision);
    if (!t) throw new Error('unable to find the specified revision');
    return rawString((w) => describePodTemplate(t, w, { now: cmd.now(), tzOffset: cmd.tzOffset }));
  }
  const revs = [...h.keys()].sort((a, b) => a - b);
  return tabbedString((w) => {
    w.write(0, 'REVISION\tCHANGE-CAUSE\n');
    for (const r of revs) w.write(0, `${r}\t${h.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  });
}

function checkSupported(info: Info, verb: string): void {
  if (info.mapping.group === 'apps' && info.mapping.kind === 'Deployment') return;
  if (info.mapping.group === 'apps' && (info.mapping.kind === 'DaemonSet' || info.mapping.kind === 'StatefulSet'))
    throw new Error(`${verb} of ${info.mapping.kind}s is not available in kubeplay's kubectl yet`);
  throw new Error(`no ${verb === 'history' ? 'history viewer' : 'rollbacker'} has been implemented for ${JSON.stringify(info.mapping.group ? `${info.mapping.kind}.${info.mapping.group}` : info.mapping.kind)}`);
}

export async function runHistory(cmd: Cmd): Promise<void> {
  const revision = cmd.int('revision');
  if (revision < 0) throw new Error(`revision must be a positive integer: ${revision}`);
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), typed: true }, GENERIC_FORMATS);
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined, allowEmptySelector: true, latest: true, flatten: true });
  const errors = [...result.errors];
  for (const info of result.infos) {
    try {
      if (usesControllerRevisions(info) && !printer) {
        const text = await revisionHistory(cmd, info, revision);
        cmd.out(successLine(info.object as Obj, `${revision > 0 ? `with revision #${revision}` : ''}\n${text}`));
        continue;
      }
      checkSupported(info, 'history');
      if (printer) {
        // kubectl 1.32's DeploymentHistoryViewer.GetHistory maps revisions to the typed ReplicaSets.
        const d = await deploymentFor(cmd, info);
        const { oldRSs, newRS } = await findDeploymentReplicaSets(cmd, d, 0);
        const byRevision = new Map<number, J>();
        for (const rs of newRS ? [...oldRSs, newRS] : oldRSs) {
          const a = rs.metadata?.annotations?.[REVISION];
          if (a !== undefined && /^\d+$/.test(a)) byRevision.set(Number(a), rs);
        }
        const keys = revision > 0 ? [revision] : [...byRevision.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const rs = byRevision.get(k);
          if (rs) cmd.out(printer.print(typedView({ apiVersion: 'apps/v1', kind: 'ReplicaSet', ...rs }) as Obj));
        }
        continue;
      }
      const text = await viewHistory(cmd, info, revision);
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      cmd.out(successLine(info.object as Obj, `${withRevision}\n${text}`));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}

export async function runUndo(cmd: Cmd): Promise<void> {
  if (cmd.args.length === 0 && !cmd.list('filename').length) throw new Error('required resource not specified');
  const dry = dryRunStrategy(cmd);
  const toRevision = cmd.int('to-revision');
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template') }, GENERIC_FORMATS);
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined, allowEmptySelector: true, latest: true, flatten: true });
  const errors = [...result.errors];
  for (const info of result.infos) {
    try {
      if (usesControllerRevisions(info)) {
        const op = await revisionRollback(cmd, info, toRevision, dry);
        cmd.out(printer ? printer.print(info.object as Obj) : successLine(info.object as Obj, withDryRun(op, dry)));
        continue;
      }
      checkSupported(info, 'rollback');
      if (toRevision < 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
      const d = await deploymentFor(cmd, info);
      let found;
      try {
        found = await findDeploymentReplicaSets(cmd, d, 0);
      } catch (e) {
        throw new Error(`failed to retrieve replica sets from deployment ${d.metadata?.name}: ${(e as Error).message}`);
      }
      const all = found.newRS ? [...found.oldRSs, found.newRS] : found.oldRSs;
      let target: J | undefined;
      let latest: J | undefined;
      let latestRev = -1;
      let prev: J | undefined;
      let prevRev = -1;
      for (const rs of all) {
        const a = rs.metadata?.annotations?.[REVISION];
        if (a === undefined || !/^\d+$/.test(a)) continue;
        const v = Number(a);
        if (toRevision === 0) {
          if (latestRev < v) {
            prevRev = latestRev;
            prev = latest;
            latestRev = v;
            latest = rs;
          } else if (prevRev < v) {
            prevRev = v;
            prev = rs;
          }
        } else if (toRevision === v) {
          target = rs;
          break;
        }
      }
      if (toRevision > 0 && !target) throw new Error(`unable to find specified revision ${toRevision} in history`);
      if (toRevision === 0) {
        if (!prev) throw new Error(`no rollout history found for deployment "${d.metadata?.name}"`);
        target = prev;
      }
      let op: string;
      if (dry === 'client') op = rawString((w) => describePodTemplate(target!.spec?.template, w, { now: cmd.now(), tzOffset: cmd.tzOffset }));
      else {
        if (d.spec?.paused) throw new Error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        if (equalIgnoreHash(target!.spec?.template, d.spec?.template)) op = `skipped rollback (current template already matches revision ${toRevision})`;
        else {
          const tpl = typedPodTemplate(structuredClone(target!.spec?.template ?? {}));
          if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash'];
          const skip = ['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to'];
          const ann: Record<string, string> = {};
          for (const k of skip) if (d.metadata?.annotations?.[k] !== undefined) ann[k] = d.metadata.annotations[k];
          for (const [k, v] of Object.entries((target!.metadata?.annotations as Record<string, string>) ?? {})) if (!skip.includes(k)) ann[k] = v;
          const patch = [
            { op: 'replace', path: '/spec/template', value: tpl },
            { op: 'replace', path: '/metadata/annotations', value: ann },
          ];
          try {
            await cmd.client.call({
              method: 'PATCH',
              path: resourcePath(info.mapping, info.namespace, info.name),
              query: dry === 'server' ? { dryRun: 'All' } : {},
              contentType: 'application/json-patch+json',
              body: JSON.stringify(patch),
            });
          } catch (e) {
            throw new Error(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
          }
          op = 'rolled back';
        }
      }
      cmd.out(printer ? printer.print(info.object as Obj) : successLine(info.object as Obj, withDryRun(op, dry)));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}

