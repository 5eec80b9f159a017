/**
 * Test helpers for pods and the pod admission plugins: the real API server with every kind
 * registered, namespace `default` and its `default` ServiceAccount.
 */
import { ApiError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { SimClock } from '../../../sim/clock';
import { createRng } from '../../../sim/rng';
import { Store } from '../../../store/store';
import { admissionPlugins, type AdmissionPlugin } from '../../admission';
import { Registry } from '../../registry';
import { ApiServer } from '../../server';
import type { ResourceDef } from '../../types';
import { allResources } from '../index';
import { namespaces } from '../namespace';
import { pods } from './pod';

const registry = new Registry(allResources);
const def = (group: string, plural: string): ResourceDef => {
  const d = registry.get(group, plural);
  if (!d) throw new Error(`${group}/${plural} is not served`);
  return d;
};

/** The kinds the pod admission plugins read. */
export const defs = {
  configmaps: def('', 'configmaps'),
  serviceaccounts: def('', 'serviceaccounts'),
  limitranges: def('', 'limitranges'),
  resourcequotas: def('', 'resourcequotas'),
  services: def('', 'services'),
  priorityclasses: def('scheduling.k8s.io', 'priorityclasses'),
};

/** A server with the default admission chain (or `admission`), namespace `default` and its `default` ServiceAccount. */
export function podServer(opts: { admission?: AdmissionPlugin[]; seed?: number } = {}) {
  const clock = new SimClock();
  const api = new ApiServer({ store: new Store(), registry, clock, rng: createRng(opts.seed ?? 1), admission: opts.admission ?? admissionPlugins });
  api.create(namespaces, '', { metadata: { name: 'default' } });
  api.create(defs.serviceaccounts, 'default', { metadata: { name: 'default' } });
  const defOf = (o: KObject): ResourceDef => {
    const d = api.registry.forKind(o.apiVersion ?? '', o.kind ?? '');
    if (!d) throw new Error(`unknown kind ${o.apiVersion}/${o.kind}`);
    return d;
  };
  const create = (o: KObject) => api.create(defOf(o), o.metadata?.namespace ?? 'default', o).object;
  const update = (o: KObject) => api.update(defOf(o), o.metadata.namespace ?? 'default', o.metadata.name!, o).object;
  const getPod = (name: string) => api.get(pods, 'default', name);
  /** The message of the error a write throws ('' when it succeeds). */
  const errorOf = (write: () => unknown): string => {
    try {
      write();
      return '';
    } catch (e) {
      if (e instanceof ApiError) return e.status.message ?? '';
      throw e;
    }
  };
  return { api, clock, create, update, getPod, errorOf };
}

/** A minimal valid pod manifest. */
export function podManifest(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...meta },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...spec },
  };
}

/** A mutable deep copy (store objects are frozen). */
export const copy = <T>(o: T): T => structuredClone(o);
