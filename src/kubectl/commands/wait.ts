/**
 * `kubectl wait` (pkg/cmd/wait): for each object, list-then-watch it (by a name field selector,
 * as UntilWithSync's informer does) until a condition holds — `condition=Ready[=value]`,
 * `jsonpath={…}[=value]`, `delete`, or (polling) `create` — then print `pod/x condition met`.
 * One --timeout bounds the whole command (the context is shared), as in kubectl.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, fieldSelectorFlag, filenameFlags, printFlags, selectorFlag } from '../cli/common';
import { resourcePath } from '../client/paths';
import { watch } from '../client/watch';
import type { J } from '../describe/format';
import { groupResourceString } from '../discovery/types';
import { StatusError, aggregate } from '../errors';
import { JsonPath } from '../printers/jsonpath/jsonpath';
import { GENERIC_FORMATS, objectPrinter, successLine } from '../printers/output';
import { build, type Info } from '../resource/builder';
import { goSprint } from '../util/gofmt';
import type { Obj } from '../util/manifest';
import { relaxedJsonPath } from '../printers/customcolumns';

const WEEK = 168 * 3600_000;

type Check = (obj: J) => boolean;

class Timeout extends Error {}

/** splitJSONPathInput: split on single `=`, keeping `==`. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  return [...out, cur];
}

function conditionCheck(name: string, want: string): Check {
  return (obj) => {
    for (const c of (obj.status?.conditions as J[] | undefined) ?? []) {
      if (typeof c?.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
      if (typeof c.status !== 'string') continue;
      const gen = obj.metadata?.generation;
      if (typeof gen === 'number') {
        const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : obj.status?.observedGeneration;
        if (typeof observed === 'number' && observed < gen) return false;
      }
      return c.status.toLowerCase() === want.toLowerCase();
    }
    return false;
  };
}

function jsonPathCheck(expr: string, value: string): Check {
  const jp = new JsonPath(expr);
  jp.allowMissingKeys = true;
  return (obj) => {
    const results = jp.findResults(obj);
    if (!results.length || !results[0].length) return false;
    if (results.length > 1) throw new Error('given jsonpath expression matches more than one list');
    if (results[0].length > 1) throw new Error('given jsonpath expression matches more than one value');
    if (value === '') return true;
    const r = results[0][0];
    if (r !== null && typeof r === 'object') throw new Error('jsonpath leads to a nested object or list which is not supported');
    return goSprint(r).trim() === value.trim();
  };
}

type Mode = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; check: Check };

function conditionFor(cond: string): Mode {
  const lower = cond.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (cond.startsWith('condition=')) {
    let name = cond.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) [name, value] = [name.slice(0, eq), name.slice(eq + 1)];
    return { kind: 'check', check: conditionCheck(name, value) };
  }
  if (cond.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(cond.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) throw new Error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    const expr = relaxedJsonPath(parts[0]);
    let value = '';
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, '');
      if (!value) throw new Error("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (!expr) throw new Error('jsonpath expression cannot be empty');
    return { kind: 'check', check: jsonPathCheck(expr, value) };
  }
  throw new Error(`unrecognized condition: ${JSON.stringify(cond)}`);
}

const objectName = (info: Info) => `${info.mapping.resource}/${info.name}`;
const timeoutError = (info: Info) => new Error(`timed out waiting for the condition on ${objectName(info)}`);
const notFound = (info: Info) => new StatusError({ status: 'Failure', code: 404, reason: 'NotFound', message: `${groupResourceString(info.mapping)} "${info.name}" not found` });

/**
 * UntilWithSync: list the object by name, check it, then watch it (re-listing when the watch
 * ends) until `done` says so. `exists` handles the object missing from the list.
 */
async function untilWithSync(cmd: Cmd, info: Info, deadline: Promise<never>, missing: () => J | undefined, done: (type: string, obj: J) => boolean): Promise<J> {
  const fieldSelector = `metadata.name=${info.name}`;
  const path = resourcePath(info.mapping, info.namespace);
  const run = async (): Promise<J> => {
    let first = true;
    for (;;) {
      const list = await cmd.client.call<J>({ path, query: { fieldSelector, limit: '500', resourceVersion: '0' } });
      const item = ((list.items as J[]) ?? []).find((i) => i.metadata?.name === info.name);
      if (first && !item) {
        const r = missing();
        if (r) return r;
      }
      first = false;
      if (item && done('ADDED', item)) return item;
      let hit: J | undefined;
      await watch(cmd, { path, query: { allowWatchBookmarks: 'true', fieldSelector, resourceVersion: String(list.metadata?.resourceVersion ?? ''), timeoutSeconds: '300', watch: 'true' } }, (e) => {
        if (e.type === 'BOOKMARK') return;
        if (e.type === 'ERROR') {
          const s = e.object as J;
          cmd.err(`error: An error occurred while waiting for the condition to be satisfied: ${s.message ?? ''}`);
          return;
        }
        if (done(e.type, e.object as J)) {
          hit = e.object as J;
          return true;
        }
      });
      if (hit) return hit;
    }
  };
  return Promise.race([run(), deadline]);
}

async function waitOne(cmd: Cmd, info: Info, mode: Mode, timeoutMs: number, deadline: Promise<never>): Promise<Obj> {
  if (!info.name) throw new Error('resource name must be provided');
  const path = resourcePath(info.mapping, info.namespace, info.name);
  if (mode.kind === 'delete') {
    let got: J;
    try {
      got = await cmd.client.call<J>({ path });
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound') return info.object as Obj;
      throw e;
    }
    if (timeoutMs === 0) throw new Error(`condition not met for ${objectName(info)}`);
    try {
      await untilWithSync(cmd, info, deadline, () => got, (type) => type === 'DELETED');
    } catch (e) {
      if (e instanceof Timeout) throw timeoutError(info);
      throw e;
    }
    return got as Obj;
  }
  if (mode.kind !== 'check') return info.object as Obj;
  if (timeoutMs === 0) {
    const got = await cmd.client.call<J>({ path });
    if (!mode.check(got)) throw new Error(`condition not met for ${objectName(info)}`);
    return got as Obj;
  }
  try {
    return (await untilWithSync(
      cmd,
      info,
      deadline,
      () => {
        throw notFound(info);
      },
      (type, obj) => type !== 'DELETED' && mode.check(obj),
    )) as Obj;
  } catch (e) {
    if (e instanceof Timeout) throw timeoutError(info);
    throw e;
  }
}

async function run(cmd: Cmd): Promise<void> {
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), operation: 'condition met' }, GENERIC_FORMATS);
  const mode = conditionFor(cmd.str('for'));
  let timeoutMs = Number(cmd.flags.timeout ?? 30_000);
  if (timeoutMs < 0) timeoutMs = WEEK;
  // One deadline for the whole command, like the context RunWait makes.
  let expired = false;
  const deadline = (timeoutMs > 0 ? cmd.sleep(timeoutMs) : new Promise<void>(() => {})).then(() => {
    expired = true;
    throw new Timeout();
  });
  deadline.catch(() => {});
  const find = () =>
    build(cmd, {
      args: cmd.args,
      filenames: cmd.list('filename'),
      recursive: cmd.bool('recursive'),
      labelSelector: cmd.str('selector') || undefined,
      fieldSelector: cmd.str('field-selector') || undefined,
      allNamespaces: cmd.bool('all-namespaces'),
      selectAll: cmd.bool('all'),
      latest: true,
      flatten: true,
    });

  if (mode.kind === 'create') {
    for (;;) {
      const r = await find();
      const nf = r.errors.find((e) => e instanceof StatusError && e.reason === 'NotFound');
      if (!nf) {
        if (r.errors.length) throw r.errors[0];
        break;
      }
      if (expired) throw new Error('timed out waiting for the condition');
      await Promise.race([cmd.sleep(500), deadline]).catch(() => {});
      if (expired) throw new Error('timed out waiting for the condition');
    }
  }

  const result = await find();
  const isDelete = mode.kind === 'delete';
  const errors = result.errors.filter((e) => !(isDelete && e instanceof StatusError && e.reason === 'NotFound'));
  let visits = 0;
  for (const info of result.infos) {
    visits++;
    try {
      const obj = await waitOne(cmd, info, mode, timeoutMs, deadline);
      cmd.out(printer ? printer.print(obj) : successLine(obj, 'condition met'));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (visits === 0 && !isDelete) throw new Error('no matching resources found');
}

export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  flags: [
    ...printFlags,
    ...filenameFlags('identifying the resource.'),
    { ...selectorFlag, usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    fieldSelectorFlag,
    allNamespacesFlag,
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'local', type: 'bool', usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'timeout', type: 'duration', default: 30_000, usage: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
    { name: 'for', type: 'string', usage: 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath expression}\'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.' },
  ],
  run,
};
