/**
 * deploymentutil.GetAllReplicaSets: the ReplicaSets a Deployment controls (listed by its selector,
 * filtered by controller uid), the new one being the oldest whose template equals the
 * Deployment's ignoring the pod-template-hash label.
 */
import type { Cmd } from '../cli/command';
import { resourcePath } from '../client/paths';
import { selectorString, type J } from './format';

const RS = { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true };

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = canonical((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: J | undefined, b: J | undefined): boolean {
  const strip = (t: J | undefined) => {
    const c = structuredClone(t ?? {});
    if (c.metadata?.labels) {
      delete c.metadata.labels['pod-template-hash'];
      if (!Object.keys(c.metadata.labels).length) delete c.metadata.labels;
    }
    return JSON.stringify(canonical(c));
  };
  return strip(a) === strip(b);
}

export async function listControlled(cmd: Cmd, d: J, chunk: number): Promise<J[]> {
  const items: J[] = [];
  let cont = '';
  do {
    const q: Record<string, string> = { labelSelector: selectorString(d.spec?.selector) };
    if (chunk > 0) q.limit = String(chunk);
    if (cont) q.continue = cont;
    const page = await cmd.client.call<J>({ path: resourcePath(RS, d.metadata?.namespace ?? ''), query: q });
    items.push(...((page.items as J[]) ?? []));
    cont = page.metadata?.continue ?? '';
  } while (cont);
  return items.filter((rs) => ((rs.metadata?.ownerReferences as J[]) ?? []).some((r) => r.controller && r.uid === d.metadata?.uid));
}

export async function findDeploymentReplicaSets(cmd: Cmd, d: J, chunk: number): Promise<{ oldRSs: J[]; newRS: J | undefined; all: J[] }> {
  // FindNewReplicaSet sorts the listed slice in place (oldest first), so the old ones keep that order too.
  const all = (await listControlled(cmd, d, chunk)).sort((a, b) => {
    const ta = Date.parse(a.metadata?.creationTimestamp ?? '');
    const tb = Date.parse(b.metadata?.creationTimestamp ?? '');
    if (ta !== tb) return ta - tb;
    return a.metadata?.name < b.metadata?.name ? -1 : 1;
  });
  const newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const oldRSs = all.filter((rs) => rs !== newRS);
  return { oldRSs, newRS, all };
}
