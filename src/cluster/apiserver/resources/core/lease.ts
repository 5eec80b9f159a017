import { fieldErr, type FieldError } from '../../../api/errors';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, str } from './helpers';

/** coordination.k8s.io/v1 Lease: node heartbeats (kube-node-lease) and leader election. */
export const leases = defineResource({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  validate(o) {
    const errs: FieldError[] = [];
    const d = o.spec?.leaseDurationSeconds;
    if (d != null && d <= 0) errs.push(fieldErr.invalid('spec.leaseDurationSeconds', d, 'must be greater than 0'));
    const t = o.spec?.leaseTransitions;
    if (t != null && t < 0) errs.push(fieldErr.invalid('spec.leaseTransitions', t, 'must be greater than or equal to 0'));
    return errs;
  },
  columns: [nameColumn, col('Holder', 'string', 0, 'holderIdentity contains the identity of the holder of a current lease.'), ageColumn],
  row: (o, now) => [o.metadata.name, str(o.spec?.holderIdentity), age(o, now)],
});
