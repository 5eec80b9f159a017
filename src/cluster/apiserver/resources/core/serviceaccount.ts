import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr } from './helpers';

/** core/v1 ServiceAccount. Since 1.24 no token Secret is created, so SECRETS is usually 0. */
export const serviceAccounts = defineResource({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  shortNames: ['sa'],
  namespaced: true,
  subresources: ['token'],
  columns: [
    nameColumn,
    col('Secrets', 'string', 0, 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'),
    ageColumn,
  ],
  row: (o, now) => [o.metadata.name, arr(o.secrets).length, age(o, now)],
});
