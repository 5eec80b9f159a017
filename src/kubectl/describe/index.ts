/**
 * The describers: for each kind, fetch what describe.go fetches (the object, its events, its
 * pods/replica sets/endpoint slices/lease…) with the same requests, then format it.
 */
import type { Cmd } from '../cli/command';
import { resourcePath } from '../client/paths';
import type { Mapping } from '../discovery/types';
import { StatusError } from '../errors';
import type { Obj } from '../util/manifest';
import { describeConfigMap, describeEndpoints, describeHPA, describeLimitRange, describeNamespace, describeNode, describePDB, describePriorityClass, describeQuota, describeSecret, describeService, describeServiceAccount } from './core';
import { selectorString, type Ctx, type J } from './format';
import { describeGeneric } from './generic';
import { describePod } from './pod';
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeStatefulSet, type PodCounts } from './workloads';
import { findDeploymentReplicaSets } from './replicasets';

export interface DescribeSettings {
  showEvents: boolean;
  chunkSize: number;
}

const M = (group: string, version: string, resource: string, namespaced: boolean) => ({ group, version, resource, namespaced });
const EVENTS = M('', 'v1', 'events', true);
const PODS = M('', 'v1', 'pods', true);

async function list(cmd: Cmd, m: ReturnType<typeof M>, ns: string, query: Record<string, string>, chunk: number): Promise<J[]> {
  const out: J[] = [];
  let cont = '';
  do {
    const q: Record<string, string> = { ...query };
    if (chunk > 0) q.limit = String(chunk);
    if (cont) q.continue = cont;
    const page = await cmd.client.call<J>({ path: resourcePath(m, ns), query: q });
    out.push(...((page.items as J[]) ?? []));
    cont = page.metadata?.continue ?? '';
  } while (cont);
  return out;
}

/** searchEvents: events whose involvedObject is this object (name, namespace, kind, uid). */
async function searchEvents(cmd: Cmd, obj: J, kind: string | undefined, s: DescribeSettings, uid?: string): Promise<J[] | undefined> {
  if (!s.showEvents) return undefined;
  const ns = obj.metadata?.namespace ?? '';
  const parts = [`involvedObject.name=${obj.metadata?.name}`, `involvedObject.namespace=${ns}`];
  if (kind) parts.push(`involvedObject.kind=${kind}`);
  const u = uid ?? obj.metadata?.uid;
  if (u) parts.push(`involvedObject.uid=${u}`);
  try {
    return await list(cmd, EVENTS, ns, { fieldSelector: parts.sort().join(',') }, s.chunkSize);
  } catch {
    return [];
  }
}

async function podCounts(cmd: Cmd, obj: J, s: DescribeSettings): Promise<PodCounts> {
  const pods = await list(cmd, PODS, obj.metadata?.namespace ?? '', { labelSelector: selectorString(obj.spec?.selector) }, s.chunkSize);
  const c: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const ref = ((p.metadata?.ownerReferences as J[]) ?? []).find((r) => r.controller);
    if (!ref || ref.uid !== obj.metadata?.uid) continue;
    const ph = p.status?.phase;
    if (ph === 'Running') c.running++;
    else if (ph === 'Pending') c.waiting++;
    else if (ph === 'Succeeded') c.succeeded++;
    else if (ph === 'Failed') c.failed++;
  }
  return c;
}

/** Describer(mapping).Describe(namespace, name): the text, or throws the API error. */
export async function describe(cmd: Cmd, mapping: Mapping, namespace: string, name: string, s: DescribeSettings): Promise<string> {
  const ctx: Ctx = { now: cmd.now(), tzOffset: cmd.tzOffset };
  const get = () => cmd.client.call<J>({ path: resourcePath(mapping, namespace, name) });
  const gk = `${mapping.group}/${mapping.kind}`;
  switch (gk) {
    case '/Pod': {
      let pod: J;
      try {
        pod = await get();
      } catch (e) {
        if (s.showEvents) {
          const evs = await list(cmd, EVENTS, namespace, { fieldSelector: `involvedObject.name=${name},involvedObject.namespace=${namespace}` }, s.chunkSize).catch(() => undefined);
          if (evs?.length) {
            const { tabbedString } = await import('./writer');
            const { describeEvents } = await import('./events');
            return tabbedString((w) => {
              w.write(0, `Pod '${name}': error '${(e as Error).message}', but found events.\n`);
              describeEvents(evs, w, ctx);
            });
          }
        }
        throw e;
      }
      const mirror = pod.metadata?.annotations?.['kubernetes.io/config.mirror'];
      return describePod(pod, await searchEvents(cmd, pod, undefined, s, mirror), ctx);
    }
    case 'apps/Deployment': {
      const d = await get();
      const events = await searchEvents(cmd, d, 'Deployment', s);
      const { oldRSs, newRS } = await findDeploymentReplicaSets(cmd, d, s.chunkSize).catch(() => ({ oldRSs: [] as J[], newRS: undefined }));
      return describeDeployment(d, oldRSs, newRS ? [newRS] : [], events, ctx);
    }
    case 'apps/ReplicaSet': {
      const rs = await get();
      const pods = await podCounts(cmd, rs, s);
      return describeReplicaSet(rs, await searchEvents(cmd, rs, 'ReplicaSet', s), pods, ctx);
    }
    case 'apps/StatefulSet': {
      const o = await get();
      const pods = await podCounts(cmd, o, s);
      return describeStatefulSet(o, await searchEvents(cmd, o, 'StatefulSet', s), pods, ctx);
    }
    case 'apps/DaemonSet': {
      const o = await get();
      const pods = await podCounts(cmd, o, s);
      return describeDaemonSet(o, await searchEvents(cmd, o, 'DaemonSet', s), pods, ctx);
    }
    case 'batch/Job': {
      const o = await get();
      return describeJob(o, await searchEvents(cmd, o, 'Job', s), ctx);
    }
    case 'batch/CronJob': {
      const o = await get();
      return describeCronJob(o, await searchEvents(cmd, o, 'CronJob', s), ctx);
    }
    case '/Node': {
      const node = await get();
      let pods: J[] | undefined;
      try {
        pods = await list(cmd, PODS, '', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` }, s.chunkSize);
      } catch (e) {
        if (!(e instanceof StatusError && e.reason === 'Forbidden')) throw e;
      }
      let events: J[] | undefined;
      if (s.showEvents) {
        const byUid = (await searchEvents(cmd, node, 'Node', s)) ?? [];
        const byName = (await searchEvents(cmd, node, 'Node', s, name)) ?? [];
        events = [...byUid, ...byName];
      }
      let lease: J | Error;
      try {
        lease = await cmd.client.call<J>({ path: resourcePath(M('coordination.k8s.io', 'v1', 'leases', true), 'kube-node-lease', name) });
      } catch (e) {
        lease = e as Error;
      }
      return describeNode(node, pods, events, lease, ctx);
    }
    case '/Service': {
      const svc = await get();
      const slices = await list(cmd, M('discovery.k8s.io', 'v1', 'endpointslices', true), namespace, { labelSelector: `kubernetes.io/service-name=${name}` }, 0).catch(() => []);
      return describeService(svc, slices, await searchEvents(cmd, svc, 'Service', s), ctx);
    }
    case '/Endpoints': {
      const o = await get();
      return describeEndpoints(o, await searchEvents(cmd, o, 'Endpoints', s), ctx);
    }
    case '/Namespace': {
      const ns = await get();
      const q = await list(cmd, M('', 'v1', 'resourcequotas', true), name, {}, s.chunkSize).catch((e) => (e instanceof StatusError && e.reason === 'NotFound' ? undefined : Promise.reject(e)));
      const l = await list(cmd, M('', 'v1', 'limitranges', true), name, {}, s.chunkSize).catch((e) => (e instanceof StatusError && e.reason === 'NotFound' ? undefined : Promise.reject(e)));
      return describeNamespace(ns, q, l, ctx);
    }
    case '/ConfigMap': {
      const o = await get();
      return describeConfigMap(o, await searchEvents(cmd, o, 'ConfigMap', s), ctx);
    }
    case '/Secret':
      return describeSecret(await get());
    case '/ServiceAccount': {
      const sa = await get();
      const tokens: string[] = [];
      const missing = new Set<string>();
      try {
        const secrets = await list(cmd, M('', 'v1', 'secrets', true), namespace, {}, s.chunkSize);
        const existing = new Set(secrets.map((x) => x.metadata?.name));
        for (const x of secrets)
          if (x.type === 'kubernetes.io/service-account-token' && x.metadata?.annotations?.['kubernetes.io/service-account.name'] === sa.metadata?.name && x.metadata?.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata?.uid)
            tokens.push(x.metadata.name);
        for (const r of [...((sa.secrets as J[]) ?? []), ...((sa.imagePullSecrets as J[]) ?? [])]) if (!existing.has(r.name)) missing.add(r.name);
      } catch {
        /* tolerated, as describe.go does */
      }
      return describeServiceAccount(sa, tokens, missing, await searchEvents(cmd, sa, 'ServiceAccount', s), ctx);
    }
    case 'autoscaling/HorizontalPodAutoscaler': {
      const o = await get();
      return describeHPA(o, await searchEvents(cmd, o, 'HorizontalPodAutoscaler', s), ctx);
    }
    case 'policy/PodDisruptionBudget': {
      const o = await get();
      return describePDB(o, await searchEvents(cmd, o, 'PodDisruptionBudget', s), ctx);
    }
    case 'scheduling.k8s.io/PriorityClass': {
      const o = await get();
      return describePriorityClass(o, await searchEvents(cmd, o, 'PriorityClass', s), ctx);
    }
    case '/ResourceQuota':
      return describeQuota(await get());
    case '/LimitRange':
      return describeLimitRange(await get());
    default: {
      const o = await get();
      return describeGeneric(o, await searchEvents(cmd, o, String((o as Obj).kind ?? mapping.kind), s), ctx);
    }
  }
}
