import type { KObject } from '../api/types';
import { SimClock } from '../sim/clock';
import { createRng } from '../sim/rng';
import { Store } from '../store/store';
import { Registry } from './registry';
import { allResources } from './resources';
import { ApiServer } from './server';
import type { ResourceDef } from './types';

/**
 * A small API server for tests: all kinds registered, namespaces default/kube-system present,
 * seeded and on a simulated clock. `create(yamlObject)` routes by apiVersion/kind.
 */
export function newTestServer(seed = 1) {
  const clock = new SimClock();
  const api = new ApiServer({ store: new Store(), registry: new Registry(allResources), clock, rng: createRng(seed) });
  const defOf = (o: KObject): ResourceDef => {
    const d = api.registry.forKind(o.apiVersion ?? '', o.kind ?? '');
    if (!d) throw new Error(`unknown kind ${o.apiVersion}/${o.kind}`);
    return d;
  };
  for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
    api.create(api.registry.get('', 'namespaces')!, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: n } });
  return {
    api,
    clock,
    defOf,
    create: (o: KObject) => api.create(defOf(o), o.metadata?.namespace ?? 'default', o).object,
    get: (apiVersion: string, kind: string, name: string, ns = 'default') =>
      api.get(api.registry.forKind(apiVersion, kind)!, ns, name),
  };
}
