/**
 * Test helpers for the workload kinds: a small API server with only namespaces and these kinds
 * registered, plus shortcuts for "the Invalid message of this create/update".
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
import { workloadResources } from './index';

export function workloadServer() {
  const clock = new SimClock();
  const api = new ApiServer({ store: new Store(), registry: new Registry([namespaces, ...workloadResources]), clock, rng: createRng(1) });
  api.create(namespaces, '', { metadata: { name: 'default' } });
  const defOf = (o: KObject): ResourceDef => {
    const d = api.registry.forKind(o.apiVersion ?? '', o.kind ?? '');
    if (!d) throw new Error(`unknown kind ${o.apiVersion}/${o.kind}`);
    return d;
  };
  const create = (o: KObject) => api.create(defOf(o), 'default', o).object;
  const update = (o: KObject) => api.update(defOf(o), 'default', o.metadata.name!, o).object;
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
  return { api, clock, defOf, create, update, errorOf };
}

/** A JSON deep copy that is mutable (store objects are frozen). */
export const mutable = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;
