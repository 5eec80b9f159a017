import type { KObject } from '../../../api/types';
import { defineResource } from '../common';
import { eventColumns, eventRow, legacyValidateEvent } from './event-shared';

const involvedUid = (o: KObject): string => o.involvedObject?.uid ?? '';

/** core/v1 Event. `kubectl describe` finds an object's events by `involvedObject.uid`, served from an index. */
export const events = defineResource({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  namespaced: true,
  // core/v1 creates only get the legacy checks (no strict events.k8s.io rules)
  validate: (o) => legacyValidateEvent(o),
  indexers: { involvedUid: (o) => (involvedUid(o) ? [involvedUid(o)] : []) },
  indexedFields: { 'involvedObject.uid': 'involvedUid' },
  fieldSelectors: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': involvedUid,
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    // `source` falls back to the reporting controller, as the event strategy does
    source: (o) => o.source?.component || o.reportingComponent || '',
    type: (o) => o.type ?? '',
  },
  columns: eventColumns,
  row: eventRow,
});
