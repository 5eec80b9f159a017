import { clone, type KObject } from '../api/types';
import type { Cluster } from '../cluster';
import { DEFAULT_NODES, nodeObject, nodeStatus, type NodeSpec } from './nodes';
import { sampleApp, systemObjects } from './system';

export interface BootstrapOptions {
  /** Nodes only: no sample workload. */
  empty?: boolean;
  /** Nothing at all, not even namespaces (unit tests that build their own world). */
  bare?: boolean;
  nodes?: NodeSpec[];
}

/**
 * Writes the default cluster through the API (so defaulting and validation apply): system
 * namespaces and objects a learner sees on a kubeadm cluster, the nodes, and a sample app.
 */
export function bootstrap(c: Cluster, opts: BootstrapOptions): void {
  if (opts.bare) return;
  const create = (o: KObject) => {
    const def = c.api.registry.forKind(o.apiVersion!, o.kind!);
    if (!def) throw new Error(`bootstrap: unknown kind ${o.apiVersion}/${o.kind}`);
    return c.api.create(def, o.metadata.namespace ?? 'default', o).object;
  };
  for (const o of systemObjects()) create(o);
  const nodeDef = c.api.registry.get('', 'nodes')!;
  (opts.nodes ?? DEFAULT_NODES).forEach((n, i) => {
    const created = create(nodeObject(n, i));
    const withStatus = clone(created);
    withStatus.status = nodeStatus(n, c.api.ctx.now);
    c.api.update(nodeDef, '', n.name, withStatus, {}, 'status');
  });
  if (!opts.empty) for (const o of sampleApp()) create(o);
}
