/**
 * endpointsliceutil.TriggerTimeTracker: the `endpoints.kubernetes.io/last-change-trigger-time` of a
 * sync is the earliest change not yet reflected — a pod whose Ready transition time changed since the
 * last sync, or the Service's creation on its first sync. Nothing changed → no annotation.
 */
import type { KObject } from '../../api/types';
import { keyOf } from '../types';
import { podCondition } from './podutil';

interface State {
  pods: Map<string, string>;
}

export class TriggerTimeTracker {
  private services = new Map<string, State>();

  compute(svc: KObject, pods: readonly KObject[]): string | undefined {
    const key = keyOf(svc);
    const prev = this.services.get(key);
    const next: State = { pods: new Map() };
    let min: string | undefined;
    const consider = (t: string | undefined) => {
      if (t && (min === undefined || Date.parse(t) < Date.parse(min))) min = t;
    };
    if (!prev) consider(svc.metadata.creationTimestamp);
    for (const p of pods) {
      const t = podCondition(p, 'Ready')?.lastTransitionTime ?? '';
      next.pods.set(keyOf(p), t);
      if (prev?.pods.get(keyOf(p)) !== t) consider(t);
    }
    this.services.set(key, next);
    return min;
  }

  forget(key: string): void {
    this.services.delete(key);
  }
}
