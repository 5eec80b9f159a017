/**
 * `kubectl cordon|uncordon|drain|taint` (pkg/cmd/drain, pkg/drain, pkg/cmd/taint): mark nodes
 * (un)schedulable, evict their pods through the Eviction API (retrying while a disruption budget
 * says no, then waiting until each pod is gone), and edit taints.
 */
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, printFlags, selectorFlag } from '../cli/common';
import { dryRunStrategy, validationDirective } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { taintString, type J } from '../describe/format';
import { aggregate, AggregateError, InterruptedError, StatusError, UsageError } from '../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { build, type Info } from '../resource/builder';
import type { Obj } from '../util/manifest';
import { twoWayPatch } from '../util/twoway';
import { isQualifiedName, isValidLabelValue } from '../../cluster/api/formats';

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };

async function nodeInfos(cmd: Cmd): Promise<Info[]> {
  const sel = cmd.str('selector');
  if (!cmd.args.length && !sel) throw new UsageError(`USAGE: ${cmd.path.replace('kubectl ', '')} NODE [flags]`, cmd.path);
  if (cmd.args.length && sel) throw new UsageError('error: cannot specify both a node name and a --selector option', cmd.path);
  const r = await build(cmd, { args: sel ? ['nodes'] : ['nodes', ...cmd.args], labelSelector: sel || undefined, latest: true, flatten: true });
  const e = aggregate(r.errors);
  if (e) throw e;
  for (const i of r.infos) if (i.mapping.group !== '' || i.mapping.resource !== 'nodes') throw new Error(`error: expected resource of type node, got "${i.mapping.resource}"`);
  return r.infos;
}

async function cordonAll(cmd: Cmd, infos: Info[], desired: boolean): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template') }, GENERIC_FORMATS);
  const print = (o: Obj, op: string) => cmd.out(printer ? printer.print(o) : successLine(o, withDryRun(op, dry)));
  const verb = desired ? 'cordon' : 'uncordon';
  for (const info of infos) {
    const node = info.object as J;
    if (!!node.spec?.unschedulable === desired) {
      print(node as Obj, desired ? 'already cordoned' : 'already uncordoned');
      continue;
    }
    if (dry !== 'client') {
      const after = structuredClone(node);
      after.spec ??= {};
      // Unschedulable is `omitempty`: uncordoning removes the field.
      if (desired) after.spec.unschedulable = true;
      else delete after.spec.unschedulable;
      const p = twoWayPatch(node, after, 'Node');
      try {
        await cmd.client.call({ method: 'PATCH', path: resourcePath(info.mapping, '', info.name), query: dry === 'server' ? { dryRun: 'All' } : {}, contentType: p.contentType, body: p.body });
      } catch (e) {
        cmd.err(`error: unable to ${verb} node "${info.name}": ${(e as Error).message}\n`);
        continue;
      }
    }
    print(node as Obj, desired ? 'cordoned' : 'uncordoned');
  }
}

interface PodDelete {
  pod: J;
  del: boolean;
  reason: 'ok' | 'skip' | 'warning' | 'error';
  message: string;
}

async function podsForDeletion(cmd: Cmd, node: string): Promise<{ list: PodDelete[]; errors: Error[] }> {
  const q: Record<string, string> = { fieldSelector: `spec.nodeName=${node}` };
  if (cmd.str('pod-selector')) q.labelSelector = cmd.str('pod-selector');
  if (cmd.int('chunk-size') > 0) q.limit = String(cmd.int('chunk-size'));
  const res = await cmd.client.call<J>({ path: resourcePath(PODS, ''), query: q });
  const pods = (res.items as J[]) ?? [];
  const list: PodDelete[] = [];
  const finished = (p: J) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
  const skipSecs = cmd.int('skip-wait-for-delete-timeout');
  for (const pod of pods) {
    let st: PodDelete = { pod, del: true, reason: 'ok', message: '' };
    const filters: ((p: J) => Promise<PodDelete> | PodDelete)[] = [
      (p) => {
        const dt = p.metadata?.deletionTimestamp;
        if (skipSecs > 0 && dt && cmd.now() - Date.parse(dt) > skipSecs * 1000) return { pod: p, del: false, reason: 'skip', message: '' };
        return { pod: p, del: true, reason: 'ok', message: '' };
      },
      async (p) => {
        const ref = ((p.metadata?.ownerReferences as J[]) ?? []).find((r) => r.controller);
        if (!ref || ref.kind !== 'DaemonSet' || finished(p)) return { pod: p, del: true, reason: 'ok', message: '' };
        try {
          await cmd.client.call({ path: resourcePath({ group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true }, p.metadata.namespace, ref.name) });
        } catch (e) {
          if (e instanceof StatusError && e.reason === 'NotFound' && cmd.bool('force')) return { pod: p, del: true, reason: 'warning', message: e.message };
          return { pod: p, del: false, reason: 'error', message: (e as Error).message };
        }
        if (!cmd.bool('ignore-daemonsets')) return { pod: p, del: false, reason: 'error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
        return { pod: p, del: false, reason: 'warning', message: 'ignoring DaemonSet-managed Pods' };
      },
      (p) => (p.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { pod: p, del: false, reason: 'skip', message: '' } : { pod: p, del: true, reason: 'ok', message: '' }),
      (p) => {
        if (!((p.spec?.volumes as J[]) ?? []).some((v) => v.emptyDir) || finished(p)) return { pod: p, del: true, reason: 'ok', message: '' };
        if (!cmd.bool('delete-emptydir-data')) return { pod: p, del: false, reason: 'error', message: 'Pods with local storage (use --delete-emptydir-data to override)' };
        return { pod: p, del: true, reason: 'warning', message: 'deleting Pods with local storage' };
      },
      (p) => {
        if (finished(p) || ((p.metadata?.ownerReferences as J[]) ?? []).some((r) => r.controller)) return { pod: p, del: true, reason: 'ok', message: '' };
        if (!cmd.bool('force')) return { pod: p, del: false, reason: 'error', message: 'cannot delete Pods that declare no controller (use --force to override)' };
        return { pod: p, del: true, reason: 'warning', message: 'deleting Pods that declare no controller' };
      },
    ];
    for (const f of filters) {
      st = await f(pod);
      if (!st.del) break;
    }
    list.push(st);
  }
  const failed = new Map<string, string[]>();
  for (const i of list) if (i.reason === 'error') failed.set(i.message || 'unexpected error', [...(failed.get(i.message || 'unexpected error') ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`]);
  const errors = [...failed].map(([m, ps]) => new Error(`cannot delete ${m}: ${ps.join(', ')}`));
  return { list, errors };
}

function warnings(list: PodDelete[]): string {
  const m = new Map<string, string[]>();
  for (const i of list) if (i.reason === 'warning') m.set(i.message, [...(m.get(i.message) ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`]);
  return [...m].map(([k, ps]) => `${k}: ${ps.join(', ')}`).join('; ');
}

const sleep = (cmd: Cmd, ms: number) => cmd.sleep(ms);

async function evict(cmd: Cmd, pod: J): Promise<void> {
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name;
  const dry = dryRunStrategy(cmd);
  const grace = cmd.int('grace-period');
  for (;;) {
    cmd.out(dry === 'server' ? `evicting pod ${ns}/${name} (server dry run)\n` : `evicting pod ${ns}/${name}\n`);
    const deleteOptions: Record<string, unknown> = {};
    if (grace >= 0) deleteOptions.gracePeriodSeconds = grace;
    if (dry === 'server') deleteOptions.dryRun = ['All'];
    try {
      await cmd.client.call({
        method: 'POST',
        path: resourcePath(PODS, ns, name, 'eviction'),
        contentType: 'application/json',
        body: JSON.stringify({ kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name, namespace: ns, creationTimestamp: null }, deleteOptions }),
      });
      break;
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound') return;
      if (e instanceof StatusError && e.reason === 'TooManyRequests') {
        cmd.err(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${e.message}\n`);
        await sleep(cmd, 5000);
        continue;
      }
      throw new Error(`error when evicting pods/"${name}" -n "${ns}": ${(e as Error).message}`);
    }
  }
  if (dry === 'server') return;
  for (;;) {
    try {
      const p = await cmd.client.call<J>({ path: resourcePath(PODS, ns, name) });
      if (p.metadata?.uid !== pod.metadata.uid) break;
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound') break;
      throw new Error(`error when waiting for pod "${name}" in namespace "${ns}" to terminate: ${(e as Error).message}`);
    }
    await sleep(cmd, 1000);
  }
  cmd.out(`pod/${name} evicted\n`);
}

async function runDrain(cmd: Cmd): Promise<void> {
  const infos = await nodeInfos(cmd);
  await cordonAll(cmd, infos, true);
  const dry = dryRunStrategy(cmd);
  const fatal: Error[] = [];
  const remaining: string[] = [];
  for (const info of infos) {
    try {
      const { list, errors } = await podsForDeletion(cmd, info.name);
      // deleteOrEvictPodsSimple returns an aggregate; kubectl prints its members without `error:`.
      if (errors.length) throw new AggregateError(errors);
      const w = warnings(list);
      if (w) cmd.err(`Warning: ${w}\n`);
      const pods = list.filter((i) => i.del).map((i) => i.pod);
      if (dry === 'client') for (const p of pods) cmd.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
      else {
        const results = await Promise.allSettled(pods.map((p) => evict(cmd, p)));
        const errs = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
        if (errs.some((e) => e instanceof InterruptedError)) throw new InterruptedError();
        if (errs.length) throw new AggregateError(errs);
      }
      cmd.out(successLine(info.object as Obj, withDryRun('drained', dry)));
    } catch (e) {
      if (e instanceof InterruptedError) throw e;
      cmd.err(`error: unable to drain node "${info.name}" due to error: ${(e as Error).message}, continuing command...\n`);
      fatal.push(e as Error);
      remaining.push(info.name);
    }
  }
  if (remaining.length) cmd.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  if (fatal.length) throw new AggregateError(fatal);
}

function parseTaint(st: string): J {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), effect };
}

async function runTaint(cmd: Cmd): Promise<void> {
  const resources: string[] = [];
  const specs: string[] = [];
  let found = false;
  for (const s of cmd.args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) {
      found = true;
      specs.push(s);
    } else if (!found) resources.push(s);
    else throw new Error(`all resources must be specified before taint changes: ${s}`);
  }
  if (resources.length < 1) throw new Error('one or more resources must be specified as <resource> <name>');
  if (!specs.length) throw new Error('at least one taint update is required');
  const add: J[] = [];
  const remove: J[] = [];
  for (const s of specs) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
    } else {
      let t: J;
      try {
        t = parseTaint(s);
      } catch (e) {
        throw new UsageError((e as Error).message, cmd.path);
      }
      if (!t.effect) throw new UsageError(`invalid taint spec: ${s}`, cmd.path);
      if (add.some((x) => x.key === t.key && x.effect === t.effect)) throw new UsageError(`duplicated taints with the same key and effect: ${JSON.stringify(t)}`, cmd.path);
      add.push(t);
    }
  }
  const conflicts = remove.filter((r) => add.some((a) => a.key === r.key && (!r.effect || a.effect === r.effect))).map((r) => taintString({ ...r, value: '' }));
  if (conflicts.length) throw new Error(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = cmd.bool('all');
  if (all && cmd.str('selector')) throw new Error("setting 'all' parameter with a non empty selector is prohibited");
  const type = resources[0];
  const names = resources.slice(1);
  if (!all && !names.length && !cmd.str('selector')) throw new Error("at least one resource name must be specified since 'all' parameter is not set");
  const r = await build(cmd, { args: resources, labelSelector: cmd.str('selector') || undefined, allowEmptySelector: all, latest: true, flatten: true });
  for (const i of r.infos) if (i.mapping.resource !== 'nodes') throw new Error(`invalid resource type ${type}, only node types are supported`);
  const e0 = aggregate(r.errors);
  if (e0) throw e0;
  const overwrite = cmd.bool('overwrite');
  const dry = dryRunStrategy(cmd);
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template') }, GENERIC_FORMATS);
  for (const info of r.infos) {
    const node = info.object as J;
    const old: J[] = node.spec?.taints ?? [];
    if (!overwrite) {
      const exists = add.flatMap((t) => old.filter((o) => o.key === t.key && o.effect === t.effect).map(() => t.key)).join(',');
      if (exists) throw new Error(`node ${info.name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`);
    }
    let next = [...add];
    for (const o of old) if (!next.some((t) => t.key === o.key && t.effect === o.effect)) next.push(o);
    const added = old.length !== next.length;
    const errs: Error[] = [];
    let removed = false;
    for (const rm of remove) {
      const before = next.length;
      next = next.filter((t) => !(t.key === rm.key && (!rm.effect || t.effect === rm.effect)));
      removed = next.length !== before;
      if (!removed) errs.push(new Error(`taint ${JSON.stringify(taintString({ ...rm }))} not found`));
    }
    const op = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
    const e = aggregate(errs);
    if (e) throw e;
    const after = structuredClone(node);
    after.spec ??= {};
    if (next.length) after.spec.taints = next;
    else delete after.spec.taints;
    if (dry === 'client') {
      cmd.out(printer ? printer.print(after as Obj) : successLine(after as Obj, withDryRun(op, dry)));
      continue;
    }
    const p = twoWayPatch(node, after, 'Node');
    const query: Record<string, string> = { fieldManager: cmd.str('field-manager'), fieldValidation: validationDirective(cmd) };
    if (dry === 'server') query.dryRun = 'All';
    const out = await cmd.client.call<Obj>({ method: 'PATCH', path: resourcePath(info.mapping, '', info.name), query, contentType: p.contentType, body: p.body });
    cmd.out(printer ? printer.print(out) : successLine(out, withDryRun(op, dry)));
  }
}

const cordonFlags = [...printFlags, selectorFlag, dryRunFlag];

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  use: 'cordon NODE',
  flags: cordonFlags,
  async run(cmd) {
    await cordonAll(cmd, await nodeInfos(cmd), true);
  },
};

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  use: 'uncordon NODE',
  flags: cordonFlags,
  async run(cmd) {
    await cordonAll(cmd, await nodeInfos(cmd), false);
  },
};

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  use: 'drain NODE',
  flags: [
    ...cordonFlags,
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'pod-selector', type: 'string', usage: 'Label selector to filter pods on the node' },
    { name: 'disable-eviction', type: 'bool', usage: 'Force drain to use delete, even if eviction is supported.' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', usage: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once.' },
  ],
  run: runDrain,
};

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [
    ...printFlags,
    selectorFlag,
    { name: 'overwrite', type: 'bool', usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    dryRunFlag,
    fieldManagerFlag('kubectl-taint'),
  ],
  run: runTaint,
};
