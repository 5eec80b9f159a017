import type { KObject } from '../api/types';
import type { Client } from './client';

export type EventType = 'Normal' | 'Warning';

interface Series {
  name: string;
  namespace: string;
  count: number;
}

/**
 * Records core/v1 Events through the API like client-go's recorder: events with the same source,
 * object, type, reason and message are folded into one Event whose count and lastTimestamp grow
 * (what `describe` shows as `(x3 over 2m)`).
 */
export class EventRecorder {
  private series = new Map<string, Series>();

  constructor(
    private readonly client: Client,
    private readonly hex: () => string,
  ) {}

  event(obj: KObject, type: EventType, reason: string, message: string, component: string, host?: string, fieldPath?: string): void {
    const ns = obj.metadata.namespace || 'default';
    const now = this.client.api.ctx.now;
    const uid = obj.metadata.uid ?? '';
    const key = `${component}|${host ?? ''}|${uid}|${fieldPath ?? ''}|${type}|${reason}|${message}`;
    const prev = this.series.get(key);
    try {
      if (prev && this.client.get('events', prev.namespace, prev.name)) {
        prev.count++;
        this.client.patch('events', prev.namespace, prev.name, { count: prev.count, lastTimestamp: now });
        return;
      }
      const name = `${obj.metadata.name}.${this.hex()}`;
      this.client.create('events', {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: {
          kind: obj.kind,
          namespace: obj.metadata.namespace,
          name: obj.metadata.name,
          uid,
          apiVersion: obj.apiVersion,
          resourceVersion: obj.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason,
        message,
        source: { component, ...(host ? { host } : {}) },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: host ?? '',
      });
      this.series.set(key, { name, namespace: ns, count: 1 });
      if (this.series.size > 4096) this.series.delete(this.series.keys().next().value!);
    } catch {
      // Events are best effort, as upstream: a failed event never fails the caller.
    }
  }
}
