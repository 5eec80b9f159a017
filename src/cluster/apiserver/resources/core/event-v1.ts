import type { KObject } from '../../../api/types';
import { defineResource } from '../common';
import { eventColumns, eventRow, eventUpdateErrors, legacyValidateEvent, strictValidateEvent, toCoreEvent } from './event-shared';
import { isUpdate } from './helpers';

const regardingUid = (o: KObject): string => o.regarding?.uid ?? '';

/**
 * events.k8s.io/v1 Event. Upstream serves this and core/v1 Event from one storage; here it is a
 * separate collection for now (a core/v1 event does not show up under events.k8s.io and vice versa).
 * Validation and printing reuse the core/v1 logic through the internal field names.
 */
export const eventsV1 = defineResource({
  group: 'events.k8s.io',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  namespaced: true,
  // creates get the strict events.k8s.io rules, updates the legacy ones plus immutability
  validate: (o, ctx) =>
    isUpdate('events.k8s.io/events', o, ctx) ? legacyValidateEvent(toCoreEvent(o)) : strictValidateEvent(toCoreEvent(o)),
  validateUpdate: (o, old) => eventUpdateErrors(toCoreEvent(o), toCoreEvent(old)),
  indexers: { regardingUid: (o) => (regardingUid(o) ? [regardingUid(o)] : []) },
  indexedFields: { 'regarding.uid': 'regardingUid' },
  fieldSelectors: {
    'regarding.kind': (o) => o.regarding?.kind ?? '',
    'regarding.namespace': (o) => o.regarding?.namespace ?? '',
    'regarding.name': (o) => o.regarding?.name ?? '',
    'regarding.uid': regardingUid,
    'regarding.apiVersion': (o) => o.regarding?.apiVersion ?? '',
    'regarding.resourceVersion': (o) => o.regarding?.resourceVersion ?? '',
    'regarding.fieldPath': (o) => o.regarding?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingController: (o) => o.reportingController ?? '',
    type: (o) => o.type ?? '',
  },
  columns: eventColumns,
  row: (o, now) => eventRow(toCoreEvent(o), now),
});
