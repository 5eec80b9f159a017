import { loadAll } from 'js-yaml';
import { parseSelector } from '../api/labels';
import type { KObject } from '../api/types';
import { createCluster, type ClusterOptions } from '../cluster';
import type { ResourceDef } from '../apiserver/types';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** '90s', '5m', '1h30m', '250ms' → milliseconds. */
export function duration(d: string | number): number {
  if (typeof d === 'number') return d;
  let ms = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * UNITS[m[2]];
  return ms;
}

/**
 * A cluster for scenario tests: apply YAML, advance simulated time, then look at objects and
 * events. Defaults: seed 1, the default nodes, no sample app.
 */
export function newTestCluster(opts: ClusterOptions = {}) {
  const c = createCluster({ seed: 1, empty: true, ...opts });
  const defOf = (o: KObject): ResourceDef => {
    const d = c.api.registry.forKind(o.apiVersion ?? '', o.kind ?? '');
    if (!d) throw new Error(`unknown kind ${o.apiVersion}/${o.kind}`);
    return d;
  };
  const resource = (name: string): ResourceDef => {
    const d = c.api.registry.resolve(name);
    if (!d) throw new Error(`unknown resource ${name}`);
    return d;
  };
  const t = {
    ...c,
    cluster: c,
    /** Creates (or replaces the spec of) every document in the YAML. */
    apply(yaml: string): KObject[] {
      const out: KObject[] = [];
      for (const doc of loadAll(yaml) as KObject[]) {
        if (!doc) continue;
        const def = defOf(doc);
        const ns = def.namespaced ? (doc.metadata?.namespace ?? 'default') : '';
        const name = doc.metadata?.name ?? "";
        const live = name ? c.store.get(c.api.registry.key(def), def.namespaced ? ns : undefined, name) : undefined;
        if (live) out.push(c.api.update(def, ns, name, { ...doc, metadata: { ...doc.metadata, resourceVersion: undefined } }).object);
        else out.push(c.api.create(def, ns, doc).object);
        c.clock.flush();
      }
      return out;
    },
    /** Moves simulated time forward, firing every timer due on the way. */
    advance(d: string | number) {
      c.clock.advance(duration(d));
    },
    /** Lets zero-delay work (controller queues) run without moving time. */
    settle() {
      c.clock.flush();
    },
    get(resourceName: string, name: string, ns = 'default'): KObject | undefined {
      const def = resource(resourceName);
      return c.store.get(c.api.registry.key(def), def.namespaced ? ns : undefined, name);
    },
    list(resourceName: string, selector?: string, ns?: string): KObject[] {
      const def = resource(resourceName);
      return c.store.list(c.api.registry.key(def), {
        namespace: def.namespaced ? ns : undefined,
        selector: selector ? parseSelector(selector) : undefined,
      }).items;
    },
    pods(selector?: string, ns = 'default'): KObject[] {
      return t.list('pods', selector, ns);
    },
    /** Events as `Reason: message` lines, optionally for one object name. */
    events(involvedName?: string): string[] {
      return t
        .list('events')
        .filter((e) => !involvedName || e.involvedObject?.name === involvedName)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        .map((e) => `${e.reason}: ${e.message}`);
    },
  };
  return t;
}

export type TestCluster = ReturnType<typeof newTestCluster>;
