/** `kubectl set image|resources|env` (pkg/cmd/set). */
import type { Command, Cmd } from '../../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, selectorFlag } from '../../cli/common';
import { parsePairs, resourcesAndPairs } from '../../cli/pairs';
import { qty, type J } from '../../describe/format';
import { parseQuantity } from '../../../cluster/api/quantity';
import { isEnvVarName } from './envname';
import { patchAndPrint, podSpecOf, selectString, setInfos } from './common';

const shared = (manager: string) => [
  ...printFlags,
  ...filenameFlags('identifying the resource to get from a server.'),
  selectorFlag,
  { name: 'all', type: 'bool' as const, usage: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'local', type: 'bool' as const, usage: 'If true, set will NOT contact api-server but run locally.' },
  dryRunFlag,
  fieldManagerFlag(manager),
];

async function runImage(cmd: Cmd): Promise<void> {
  const { resources, pairs } = resourcesAndPairs(cmd.args, 'image');
  const { set: images } = parsePairs(pairs, 'image', false);
  const errs: string[] = [];
  if (cmd.bool('all') && cmd.str('selector')) errs.push('cannot set --all and --selector at the same time');
  if (resources.length < 1 && !cmd.list('filename').length) errs.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size < 1) errs.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) errs.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (errs.length) throw errs.length === 1 ? new Error(errs[0]) : new (await import('../../errors')).AggregateError(errs.map((e) => new Error(e)));
  const infos = await setInfos(cmd, resources);
  const errors: Error[] = [];
  await patchAndPrint(
    cmd,
    infos,
    (o) => {
      const spec = podSpecOf(o);
      for (const [name, image] of images) {
        const set = (list: J[] | undefined) => {
          let found = false;
          for (const c of list ?? [])
            if (c.name === name || name === '*') {
              found = true;
              c.image = image;
            }
          return found;
        };
        const init = set(spec.initContainers);
        const main = set(spec.containers);
        if (!init && !main) errors.push(new Error(`error: unable to find container named ${JSON.stringify(name)}`));
      }
    },
    'image updated',
    'failed to patch image update to pod template: ',
    errors,
  );
}

async function runResources(cmd: Cmd): Promise<void> {
  const resources = cmd.args;
  if (cmd.bool('all') && cmd.str('selector')) throw new Error('cannot set --all and --selector at the same time');
  const limits = cmd.str('limits');
  const requests = cmd.str('requests');
  if (!limits && !requests) throw new Error('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const parseList = (spec: string): Record<string, string> => {
    const out: Record<string, string> = {};
    if (!spec) return out;
    for (const st of spec.split(',')) {
      const parts = st.split('=');
      if (parts.length !== 2) throw new Error(`Invalid argument syntax ${st}, expected <resource>=<value>`);
      parseQuantity(parts[1]);
      out[parts[0]] = qty(parts[1]);
    }
    return out;
  };
  const lim = parseList(limits);
  const req = parseList(requests);
  const selector = cmd.str('containers') || '*';
  const infos = await setInfos(cmd, resources);
  const errors: Error[] = [];
  await patchAndPrint(
    cmd,
    infos,
    (o) => {
      const spec = podSpecOf(o);
      const picked = [...((spec.containers as J[]) ?? []), ...((spec.initContainers as J[]) ?? [])].filter((c) => selectString(c.name, selector));
      if (!picked.length) {
        errors.push(new Error(`error: unable to find container named ${selector}`));
        return;
      }
      for (const c of picked) {
        c.resources ??= {};
        if (limits) c.resources.limits = { ...(c.resources.limits ?? {}), ...lim };
        if (requests) c.resources.requests = { ...(c.resources.requests ?? {}), ...req };
      }
    },
    'resource requirements updated',
    'failed to patch resources update to pod template ',
    errors,
  );
}

/** envutil.ParseEnv: KEY=VALUE to set, KEY- to remove. */
function parseEnv(spec: string[]): { env: { name: string; value: string }[]; remove: string[] } {
  const env: { name: string; value: string }[] = [];
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const i = s.indexOf('=');
      const name = s.slice(0, i);
      if (!isEnvVarName(name)) throw new Error(`invalid key name: ${JSON.stringify(name)}`);
      env.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith('-') && s !== '-') remove.push(s.slice(0, -1));
    else throw new Error(`environment variables must be of the form key=value and can only contain letters, numbers, and underscores`);
  }
  return { env, remove };
}

async function runEnv(cmd: Cmd): Promise<void> {
  const { resources, pairs } = resourcesAndPairs(cmd.args, 'environment');
  if (cmd.bool('all') && cmd.str('selector')) throw new Error('cannot set --all and --selector at the same time');
  if (resources.length < 1 && !cmd.list('filename').length) throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (cmd.bool('list') && cmd.str('output')) throw new Error('--list and --output may not be specified together');
  const { env, remove } = parseEnv([...cmd.list('env'), ...pairs]);
  const selector = cmd.str('containers') || '*';
  const overwrite = cmd.bool('overwrite');
  const list = cmd.bool('list');
  if (!list && env.length === 0 && remove.length === 0) throw new Error('at least one environment variable must be provided');
  const infos = await setInfos(cmd, resources);
  const errors: Error[] = [];
  const mutate = (o: J) => {
    const spec = podSpecOf(o);
    const picked = [...((spec.containers as J[]) ?? []), ...((spec.initContainers as J[]) ?? [])].filter((c) => selectString(c.name, selector));
    if (!picked.length) {
      cmd.err(`Warning: ${o.kind}/${o.metadata?.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
      return;
    }
    for (const c of picked) {
      const existing = (c.env as J[]) ?? [];
      if (!overwrite)
        for (const e of env) {
          const cur = existing.find((x) => x.name === e.name);
          if (cur && cur.value !== e.value) throw new Error(`'${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`);
        }
      const covered = new Set(remove);
      const out: J[] = [];
      for (const e of existing) {
        if (covered.has(e.name)) continue;
        const newer = env.find((x) => x.name === e.name);
        if (newer) {
          covered.add(e.name);
          out.push(newer);
        } else out.push(e);
      }
      for (const e of env) {
        if (covered.has(e.name)) continue;
        covered.add(e.name);
        out.push(e);
      }
      if (out.length) c.env = out;
      else delete c.env;
      if (list) {
        cmd.out(`# ${o.kind} ${o.metadata?.name}, container ${c.name}\n`);
        for (const e of out) {
          if (!e.valueFrom) cmd.out(`${e.name}=${e.value ?? ''}\n`);
          else cmd.out(`# ${e.name} from ${envRefString(e.valueFrom)}\n`);
        }
      }
    }
  };
  if (list) {
    for (const info of infos) mutate(structuredClone(info.object as J));
    return;
  }
  await patchAndPrint(cmd, infos, mutate, 'env updated', 'failed to patch env update to pod template: ', errors);
}

function envRefString(from: J): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource ${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [
    {
      name: 'env',
      short: 'Update environment variables on a pod template',
      use: 'set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
      flags: [
        ...shared('kubectl-set'),
        { name: 'containers', short: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change - may use wildcards' },
        { name: 'env', short: 'e', type: 'stringArray', usage: 'Specify a key-value pair for an environment variable to set into each container.' },
        { name: 'list', type: 'bool', usage: 'If true, display the environment and any changes in the standard format.' },
        { name: 'resolve', type: 'bool', usage: 'If true, show secret or configmap references when listing variables' },
        { name: 'from', type: 'string', usage: 'The name of a resource from which to inject environment variables' },
        { name: 'keys', type: 'stringSlice', usage: 'Comma-separated list of keys to import from specified resource' },
        { name: 'prefix', type: 'string', usage: 'Prefix to append to variable names' },
        { name: 'overwrite', type: 'bool', default: true, usage: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
      ],
      run: runEnv,
    },
    {
      name: 'image',
      short: 'Update the image of a pod template',
      use: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
      flags: shared('kubectl-set'),
      run: runImage,
    },
    {
      name: 'resources',
      short: 'Update resource requests/limits on objects with pod templates',
      use: 'set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
      flags: [
        ...shared('kubectl-set'),
        { name: 'containers', short: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change.' },
        { name: 'limits', type: 'string', usage: 'The resource requirement requests for this container.' },
        { name: 'requests', type: 'string', usage: 'The resource requirement requests for this container.' },
      ],
      run: runResources,
    },
  ],
};
