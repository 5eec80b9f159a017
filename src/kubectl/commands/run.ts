/**
 * `kubectl run` (pkg/cmd/run): build a Pod as the run-pod/v1 generator does (labels `run=NAME`,
 * args or --command, env, port), optionally a Service (--expose), apply --overrides, POST it with
 * fieldManager kubectl-run and print `pod/NAME created`. Attaching (-i/-t/--attach) has no
 * terminal to attach to here: it waits for the pod and streams its logs instead.
 */
import { applyPatch } from '../../cluster/apiserver/patch';
import type { KObject } from '../../cluster/api/types';
import { isEnvVarName } from './set/envname';
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, printFlags } from '../cli/common';
import { dryRunStrategy } from '../cli/dryrun';
import { parsePairs } from '../cli/pairs';
import { UsageError } from '../errors';
import { createGenerated } from './create/generate';
import { podObject, serviceObject } from './create/objects';
import type { Obj } from '../util/manifest';

/** docker/distribution reference.ReferenceRegexp (name[:tag][@digest]). */
const REFERENCE =
  /^((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?$/;

export function parseEnvs(list: string[]): { name: string; value: string }[] {
  return list.map((env) => {
    const pos = env.indexOf('=');
    if (pos <= 0 || !isEnvVarName(env.slice(0, pos))) throw new Error(`invalid env: ${env}`);
    return { name: env.slice(0, pos), value: env.slice(pos + 1) };
  });
}

function parseLabelSpec(s: string): Record<string, string> {
  if (!s) throw new Error('no label spec passed');
  const out: Record<string, string> = {};
  for (const spec of s.split(',')) {
    const kv = spec.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${spec}`);
    if (!kv[0]) throw new Error('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

function override(cmd: Cmd, obj: Obj): Obj {
  const o = cmd.str('overrides');
  if (!o) return obj;
  const type = cmd.str('override-type') || 'merge';
  const ct = type === 'json' ? 'application/json-patch+json' : type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json';
  return applyPatch(obj as KObject, JSON.parse(o), ct, String(obj.kind)) as Obj;
}

async function run(cmd: Cmd): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const interactive = cmd.bool('stdin');
  let attach = cmd.bool('attach');
  if (!cmd.has('attach') && interactive) attach = true;
  if (cmd.args.length === 0 || cmd.argsLenAtDash === 0) throw new UsageError('NAME is required for run', cmd.path);
  const image = cmd.str('image');
  if (!image) throw new Error('--image is required');
  if (!REFERENCE.test(image)) throw new Error(`Invalid image name "${image}": invalid reference format`);
  if (cmd.bool('tty') && !interactive) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', cmd.path);
  if (cmd.bool('expose') && !cmd.str('port')) throw new UsageError('--port must be set when exposing a service', cmd.path);
  const restart = cmd.str('restart') || (interactive ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`, cmd.path);
  if (!attach && cmd.bool('rm')) throw new UsageError('--rm should only be used for attached containers', cmd.path);
  if (attach && dry !== 'none') throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", cmd.path);
  const pull = cmd.str('image-pull-policy');
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new UsageError(`invalid image pull policy: ${pull}`, cmd.path);
  const name = cmd.args[0];
  const port = cmd.str('port');
  if (port && !/^[+-]?\d+$/.test(port)) throw new Error(`strconv.Atoi: parsing "${port}": invalid syntax`);
  const labels = cmd.str('labels') ? parseLabelSpec(cmd.str('labels')) : { run: name };
  const pod = podObject({
    name,
    image,
    labels,
    annotations: Object.fromEntries(parsePairs(cmd.list('annotations'), 'annotations', false).set),
    args: cmd.args.slice(1),
    command: cmd.bool('command'),
    env: parseEnvs(cmd.list('env')),
    port: port ? Number(port) : undefined,
    imagePullPolicy: pull || undefined,
    restartPolicy: restart,
    stdin: interactive,
    stdinOnce: !cmd.bool('leave-stdin-open') && interactive,
    tty: cmd.bool('tty'),
    privileged: cmd.bool('privileged'),
  });
  const finalPod = override(cmd, pod);
  if (cmd.bool('expose')) {
    const svc = serviceObject({ name, selector: labels, labels, ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }] });
    await createGenerated(cmd, svc, { resource: 'services', failPrefix: '', fieldManager: 'kubectl-run', saveConfig: 'server-only' });
    if (cmd.str('output') === 'yaml') cmd.out('---\n');
  }
  if (!attach) {
    await createGenerated(cmd, finalPod, { resource: 'pods', failPrefix: '', fieldManager: 'kubectl-run', saveConfig: 'server-only' });
    return;
  }
  await createGenerated(cmd, finalPod, { resource: 'pods', failPrefix: '', fieldManager: 'kubectl-run', silent: true, saveConfig: 'server-only' });
  const { attachFallback } = await import('./run/attach');
  await attachFallback(cmd, name, restart, cmd.bool('rm'), cmd.bool('quiet'));
}

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    ...printFlags,
    dryRunFlag,
    { name: 'annotations', type: 'stringArray', usage: 'Annotations to apply to the pod.' },
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', usage: 'The image pull policy for the container.' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.' },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', usage: 'If true, wait for the Pod to start running, and then attach to the Pod.' },
    { name: 'leave-stdin-open', type: 'bool', usage: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', usage: "If true and extra arguments are present, use them as the 'command' field in the container." },
    { name: 'expose', type: 'bool', usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'If true, suppress prompt messages.' },
    { name: 'privileged', type: 'bool', usage: 'If true, run the container in privileged mode.' },
    { name: 'overrides', type: 'string', usage: 'An inline JSON override for the generated object.' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'pod-running-timeout', type: 'duration', default: 60000, usage: 'The length of time to wait until at least one pod is running' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'to use to replace the resource.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: 'Process a kustomization directory.' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete.' },
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning.' },
    fieldManagerFlag('kubectl-run'),
  ],
  required: ['image'],
  run,
};
