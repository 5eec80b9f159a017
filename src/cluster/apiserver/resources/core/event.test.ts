import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { events } from './event';
import { eventsV1 } from './event-v1';
import { coreServer } from './testkit';

const T0 = '2025-01-01T00:00:00Z';
const at = (s: number) => Date.parse(T0) + s * 1000;
const pod = { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1', fieldPath: 'spec.containers{nginx}' };

const coreEvent = (o: Partial<KObject> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  involvedObject: pod,
  reason: 'Pulled',
  message: ' Container image "nginx:1.27" already present on machine ',
  type: 'Normal',
  ...o,
  metadata: { name: 'web.1', namespace: 'default', creationTimestamp: T0, ...(o.metadata ?? {}) },
});

describe('Event table (core/v1)', () => {
  it.each<[string, Partial<KObject>, unknown[]]>([
    [
      'a repeated kubelet event',
      { source: { component: 'kubelet', host: 'node-1' }, firstTimestamp: T0, lastTimestamp: '2025-01-01T00:01:00Z', count: 3 },
      ['60s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node-1', 'Container image "nginx:1.27" already present on machine', '2m', 3, 'web.1'],
    ],
    [
      'a singleton with only firstTimestamp',
      { source: { component: 'kubelet' }, firstTimestamp: T0 },
      ['2m', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet', 'Container image "nginx:1.27" already present on machine', '2m', 1, 'web.1'],
    ],
    [
      'a new-style event with a series',
      {
        eventTime: '2025-01-01T00:00:00.000000Z',
        series: { count: 4, lastObservedTime: '2025-01-01T00:00:30.000000Z' },
        reportingComponent: 'default-scheduler',
        reportingInstance: 'sched-1',
      },
      ['90s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'default-scheduler, sched-1', 'Container image "nginx:1.27" already present on machine', '2m', 4, 'web.1'],
    ],
    [
      'an event about a kind without a name',
      { involvedObject: { kind: 'Node' }, firstTimestamp: T0, reason: 'Starting', message: 'x' },
      ['2m', 'Normal', 'Starting', 'node', '', '', 'x', '2m', 1, 'web.1'],
    ],
  ])('prints %s', (_n, o, cells) => {
    expect(events.row!(coreEvent(o), at(120))).toEqual(cells);
  });

  it('puts the wide columns between the default ones, as upstream', () => {
    expect(events.columns!.map((c) => `${c.name}${c.priority ? '*' : ''}`)).toEqual([
      'Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*',
    ]);
  });
});

describe('Event validation', () => {
  it('refuses an involvedObject in another namespace', () => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(coreEvent({ involvedObject: { ...pod, namespace: 'kube-system' } })))).toBe(
      'Event "web.1" is invalid: involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace',
    );
  });

  const v1 = (o: Partial<KObject>): KObject => ({
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: 'e' },
    regarding: { kind: 'Pod', name: 'web', namespace: 'default' },
    ...o,
  });
  it.each<[string, Partial<KObject>, string]>([
    ['requires eventTime and a type', {}, 'Event.events.k8s.io "e" is invalid: [eventTime: Required value, type: Invalid value: "": has invalid value: ]'],
    [
      'requires action and reason on new-style events',
      { eventTime: '2025-01-01T00:00:00.000000Z', type: 'Normal', reportingController: 'kubectl', reportingInstance: 'me' },
      'Event.events.k8s.io "e" is invalid: [action: Required value, reason: Required value]',
    ],
    [
      'refuses the deprecated fields',
      { eventTime: '2025-01-01T00:00:00.000000Z', type: 'Normal', reportingController: 'kubectl', reportingInstance: 'me', action: 'A', reason: 'R', deprecatedCount: 2 },
      'Event.events.k8s.io "e" is invalid: count: Invalid value: "": needs to be unset',
    ],
  ])('events.k8s.io/v1 %s', (_n, o, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(v1(o)))).toBe(message);
  });

  it('prints events.k8s.io/v1 events through the same printer', () => {
    const e = v1({
      metadata: { name: 'e', creationTimestamp: T0 },
      eventTime: '2025-01-01T00:00:00.000000Z',
      type: 'Warning',
      reason: 'BackOff',
      note: 'Back-off restarting failed container',
      reportingController: 'kubelet',
      reportingInstance: 'node-1',
    });
    expect(eventsV1.row!(e, at(120))).toEqual(['2m', 'Warning', 'BackOff', 'pod/web', '', 'kubelet, node-1', 'Back-off restarting failed container', '2m', 1, 'e']);
  });
});

describe('Event field selectors', () => {
  it('finds events by involvedObject.uid through the index and by other fields', () => {
    const { api, create, defOf } = coreServer();
    create(coreEvent());
    create(coreEvent({ metadata: { name: 'other' }, involvedObject: { ...pod, uid: 'u2', name: 'db' }, type: 'Warning' }));
    const names = (fieldSelector: string) => api.list(defOf(coreEvent()), 'default', { fieldSelector }).items.map((e) => e.metadata.name);
    expect([names('involvedObject.uid=u1'), names('involvedObject.name=db,type=Warning'), names('reason!=Pulled')]).toEqual([['web.1'], ['other'], []]);
  });
});
