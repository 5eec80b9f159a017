/**
 * Test helpers for the core-area kinds: an API server with namespaces and these kinds only, on a
 * simulated clock, plus "the error message of this write" and a mutable-copy shortcut.
 */
import { ApiError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { SimClock } from '../../../sim/clock';
import { createRng } from '../../../sim/rng';
import { Store } from '../../../store/store';
import { Registry } from '../../registry';
import { ApiServer } from '../../server';
import type { ResourceDef } from '../../types';
import { namespaces } from '../namespace';
import { coreResources } from './index';

export function coreServer() {
  const clock = new SimClock();
  const api = new ApiServer({ store: new Store(), registry: new Registry([namespaces, ...coreResources]), clock, rng: createRng(1) });
  for (const name of ['default', 'kube-system']) api.create(namespaces, '', { metadata: { name } });
  const defOf = (o: KObject): ResourceDef => {
    const d = api.registry.forKind(o.apiVersion ?? '', o.kind ?? '');
    if (!d) throw new Error(`unknown kind ${o.apiVersion}/${o.kind}`);
    return d;
  };
  const ns = (o: KObject) => o.metadata.namespace ?? 'default';
  const create = (o: KObject) => api.create(defOf(o), ns(o), o).object;
  const update = (o: KObject) => api.update(defOf(o), ns(o), o.metadata.name!, o).object;
  const remove = (o: KObject) => api.delete(defOf(o), ns(o), o.metadata.name!);
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
  /** The table row the server prints for an object, `ageMs` after it was created. */
  const row = (o: KObject, ageMs = 5000) => defOf(o).row!(o, Date.parse(o.metadata.creationTimestamp!) + ageMs);
  return { api, clock, defOf, create, update, remove, errorOf, row };
}

/** A JSON deep copy that is mutable (store objects are frozen). */
export const mutable = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;
