import { translateTimestampSince } from '../../api/duration';
import { ageColumn, col, defineResource, nameColumn } from './common';

/** core/v1 Namespace: cluster-scoped; carries the `kubernetes.io/metadata.name` label and the `kubernetes` finalizer. */
export const namespaces = defineResource({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  subresources: ['finalize', 'status'],
  hasStatus: true,
  defaults(o) {
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name! };
    o.spec ??= {};
    o.spec.finalizers ??= ['kubernetes'];
  },
  prepareForCreate(o) {
    o.status = { phase: 'Active' };
  },
  // A plain update cannot change spec.finalizers; only namespaces/finalize can.
  prepareForUpdate(o, old) {
    o.spec = { ...(o.spec ?? {}), finalizers: old.spec?.finalizers };
  },
  fieldSelectors: { 'status.phase': (o) => o.status?.phase, name: (o) => o.metadata.name },
  columns: [nameColumn, col('Status', 'string', 0, 'The status of the namespace'), ageColumn],
  row: (o, now) => [o.metadata.name, o.status?.phase ?? '', translateTimestampSince(o.metadata.creationTimestamp, now)],
});
