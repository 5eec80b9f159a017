import { translateTimestampSince } from '../../api/duration';
import { ageColumn, col, defineResource, nameColumn } from './common';

/** core/v1 ConfigMap. */
export const configmaps = defineResource({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  namespaced: true,
  columns: [nameColumn, col('Data', 'string'), ageColumn],
  row: (o, now) => [
    o.metadata.name,
    Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length,
    translateTimestampSince(o.metadata.creationTimestamp, now),
  ],
});
