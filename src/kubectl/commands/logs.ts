/**
 * `kubectl logs` (pkg/cmd/logs + polymorphichelpers/logsforobject.go): the pod (or the first pod,
 * by kubectl's logging order, of a deployment/job/… , or all pods matching -l), its default
 * container, then `pods/NAME/log` as text — streamed with -f until the container ends or Ctrl+C.
 */
import type { Command, Cmd } from '../cli/command';
import { selectorFlag } from '../cli/common';
import { resourcePath } from '../client/paths';
import { selectorString, type J } from '../describe/format';
import { StatusError, UsageError } from '../errors';
import { build } from '../resource/builder';
import { InterruptedError } from '../errors';
import { goSort } from '../util/gosort';

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

const isReady = (p: J) => ((p.status?.conditions as J[]) ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const readyTime = (p: J) => ((p.status?.conditions as J[]) ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime as string | undefined;
const afterOrZero = (t1: string | undefined, t2: string | undefined) => (!t1 || !t2 ? !t1 : Date.parse(t1) > Date.parse(t2));
const maxRestarts = (p: J) => Math.max(0, ...((p.status?.containerStatuses as J[]) ?? []).map((c) => c.restartCount ?? 0));

/** podutils.ByLogging. */
function byLogging(a: J, b: J): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !!na;
  const m: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const pa = m[a.status?.phase] ?? 0;
  const pb = m[b.status?.phase] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (a.metadata?.creationTimestamp !== b.metadata?.creationTimestamp) return afterOrZero(b.metadata?.creationTimestamp, a.metadata?.creationTimestamp);
  return false;
}

function selectorOf(o: J): string {
  const sel = o.spec?.selector;
  if (o.kind === 'ReplicationController' || o.kind === 'Service') return Object.keys(sel ?? {}).sort().map((k) => `${k}=${sel[k]}`).join(',');
  return selectorString(sel);
}

interface Target {
  pod: J;
  container: string;
}

function allContainerNames(p: J): string {
  return [
    ...((p.spec?.containers as J[]) ?? []).map((c) => c.name),
    ...((p.spec?.ephemeralContainers as J[]) ?? []).map((c) => `${c.name} (ephem)`),
    ...((p.spec?.initContainers as J[]) ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

function targetsForPod(cmd: Cmd, pod: J, container: string, allContainers: boolean, quietDefault: boolean): Target[] {
  if (allContainers) return [...((pod.spec?.initContainers as J[]) ?? []), ...((pod.spec?.containers as J[]) ?? []), ...((pod.spec?.ephemeralContainers as J[]) ?? [])].map((c) => ({ pod, container: c.name }));
  let name = container;
  const def = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (!name && def) {
    const all = [...((pod.spec?.containers as J[]) ?? []), ...((pod.spec?.initContainers as J[]) ?? []), ...((pod.spec?.ephemeralContainers as J[]) ?? [])];
    if (all.some((c) => c.name === def)) name = def;
    else cmd.err(`Default container name "${def}" not found in pod ${pod.metadata?.name}\n`);
  }
  if (!name) {
    name = pod.spec?.containers?.[0]?.name;
    if ((pod.spec?.containers?.length ?? 0) > 1 || pod.spec?.initContainers?.length || pod.spec?.ephemeralContainers?.length) {
      if (!quietDefault) cmd.err(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
    }
  }
  const exists = [...((pod.spec?.containers as J[]) ?? []), ...((pod.spec?.initContainers as J[]) ?? []), ...((pod.spec?.ephemeralContainers as J[]) ?? [])].some((c) => c.name === name);
  if (!exists) throw new Error(`container ${name} is not valid for pod ${pod.metadata?.name}`);
  return [{ pod, container: name }];
}

async function podsFor(cmd: Cmd, obj: J): Promise<J[]> {
  const ns = obj.metadata?.namespace ?? cmd.namespace;
  const list = await cmd.client.call<J>({ path: resourcePath(PODS, ns), query: { labelSelector: selectorOf(obj) } });
  return goSort([...((list.items as J[]) ?? [])], byLogging);
}

async function run(cmd: Cmd): Promise<void> {
  const args = cmd.args;
  const selector = cmd.str('selector');
  if (args.length === 0 && !selector) throw new UsageError(USAGE, cmd.path);
  if (args.length === 1 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed', cmd.path);
  if (args.length > 2) throw new UsageError(USAGE, cmd.path);
  let container = cmd.str('container');
  if (args.length === 2) container = args[1];
  const query: Record<string, string> = {};
  if (cmd.bool('follow')) query.follow = 'true';
  if (cmd.bool('previous')) query.previous = 'true';
  if (cmd.bool('timestamps')) query.timestamps = 'true';
  const tail = cmd.int('tail');
  if (selector && tail === -1 && !cmd.has('tail')) query.tailLines = '10';
  else if (tail !== -1) query.tailLines = String(tail);
  const since = Number(cmd.flags.since ?? 0);
  if (since) query.sinceSeconds = String(Math.round(since / 1000));
  if (cmd.str('since-time')) query.sinceTime = cmd.str('since-time');
  if (cmd.int('limit-bytes')) query.limitBytes = String(cmd.int('limit-bytes'));
  // Complete: the object
  let obj: J;
  const r = await build(cmd, { args: selector ? ['pods'] : [args[0].includes('/') ? args[0] : `pods/${args[0]}`], labelSelector: selector || undefined, singleResourceType: true, latest: true });
  if (r.errors.length) {
    const e = r.errors[0];
    if (e instanceof StatusError && e.reason === 'NotFound') throw new Error(`error from server (NotFound): ${e.message} in namespace "${cmd.namespace}"`);
    throw e;
  }
  if (!selector && r.infos.length !== 1) throw new Error('expected a resource');
  obj = r.infos[0].object as J;
  if (selector && !((obj.items as J[]) ?? []).length) cmd.err(`No resources found in ${cmd.namespace} namespace.\n`);
  // Validate
  if (cmd.str('since-time') && since) throw new Error('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (cmd.bool('all-containers') && container) throw new Error(`--all-containers=true should not be specified with container name ${container}`);
  if (cmd.has('container') && args.length === 2) throw new Error('only one of -c or an inline [CONTAINER] arg is allowed');
  if (cmd.int('limit-bytes') < 0) throw new Error('--limit-bytes must be greater than 0');
  if (since < 0) throw new Error('--since must be greater than 0');
  if (tail < -1) throw new Error('--tail must be greater than or equal to -1');
  const allContainers = cmd.bool('all-containers');
  const prefix = cmd.bool('prefix') || cmd.bool('all-pods');
  let targets: Target[] = [];
  if (obj.kind === 'PodList' || Array.isArray(obj.items)) {
    for (const p of (obj.items as J[]) ?? []) targets.push(...targetsForPod(cmd, p, container, allContainers, false));
  } else if (obj.kind === 'Pod') targets = targetsForPod(cmd, obj, container, allContainers, false);
  else {
    if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController', 'Service'].includes(String(obj.kind))) throw new Error(`cannot get the logs from ${obj.kind}: selector for ${obj.kind} not implemented`);
    const pods = await podsFor(cmd, obj);
    if (!pods.length) throw new Error(`timed out waiting for the condition`);
    if (cmd.bool('all-pods')) for (const p of pods) targets.push(...targetsForPod(cmd, p, container, allContainers, true));
    else {
      if (pods.length > 1) cmd.err(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name}\n`);
      targets = targetsForPod(cmd, pods[0], container, allContainers, false);
    }
  }
  const follow = cmd.bool('follow');
  const max = cmd.int('max-log-requests');
  if (follow && targets.length > 1 && targets.length > max)
    throw new Error(`you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  const write = (t: Target, text: string) => {
    if (!prefix) return cmd.out(text);
    const lines = text.split(/(?<=\n)/);
    cmd.out(lines.map((l) => `[pod/${t.pod.metadata?.name}/${t.container}] ${l}`).join(''));
  };
  const consume = async (t: Target) => {
    const path = resourcePath(PODS, t.pod.metadata?.namespace ?? cmd.namespace, t.pod.metadata?.name, 'log');
    const q = { container: t.container, ...query };
    if (!follow) {
      write(t, await cmd.client.text({ path, query: q, accept: 'application/json, */*' }));
      return;
    }
    await new Promise<void>((resolve, reject) => {
      let stream: { cancel(): void } | undefined;
      const onAbort = () => {
        stream?.cancel();
        reject(new InterruptedError());
      };
      cmd.signal?.addEventListener('abort', onAbort);
      cmd.client
        .stream({ path, query: q, accept: 'application/json, */*' }, { chunk: (c) => write(t, c), end: () => (cmd.signal?.removeEventListener('abort', onAbort), resolve()) })
        .then((s) => {
          stream = s;
          if (s.body !== undefined) {
            write(t, s.body);
            resolve();
          }
        })
        .catch(reject);
    });
  };
  if (follow && targets.length > 1) await Promise.all(targets.map(consume));
  else for (const t of targets) await consume(t);
}

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    { name: 'all-pods', type: 'bool', usage: 'Get logs from all pod(s). Sets prefix to true.' },
    { name: 'all-containers', type: 'bool', usage: "Get all containers' logs in the pod(s)." },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
    { name: 'limit-bytes', type: 'int', usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'previous', short: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display.' },
    { name: 'ignore-errors', type: 'bool', usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'since-time', type: 'string', usage: 'Only return logs after a specific date (RFC3339).' },
    { name: 'since', type: 'duration', default: 0, usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h.' },
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', usage: 'Skip verifying the identity of the kubelet that logs are requested from.' },
    { name: 'pod-running-timeout', type: 'duration', default: 20000, usage: 'The length of time to wait until at least one pod is running' },
    selectorFlag,
    { name: 'max-log-requests', type: 'int', default: 5, usage: 'Specify maximum number of concurrent logs to follow when using by a selector.' },
    { name: 'prefix', type: 'bool', usage: 'Prefix each log line with the log source (pod name and container name)' },
  ],
  run,
};
