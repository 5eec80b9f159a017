import { fieldErr, type FieldError } from '../../../api/errors';
import { isQualifiedName } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, invalidEach, isObject, str } from './helpers';
import { isDefaultStorageClass } from './persistentvolumeclaim';

const RECLAIM = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

/** ValidateStorageClass. */
export function validateStorageClass(o: Record<string, unknown> & { parameters?: unknown }): FieldError[] {
  const errs: FieldError[] = [];
  const prov = str(o.provisioner);
  if (!prov) errs.push(fieldErr.required('provisioner', ''));
  else errs.push(...invalidEach('provisioner', prov.toLowerCase(), isQualifiedName(prov.toLowerCase())));
  const params = isObject(o.parameters) ? o.parameters : {};
  const keys = Object.keys(params);
  if (keys.length > 512) errs.push(fieldErr.tooLong('parameters', 512));
  else {
    let size = 0;
    for (const k of keys) {
      if (!k) errs.push(fieldErr.invalid('parameters', k, 'field can not be empty.'));
      size += k.length + str(params[k]).length;
    }
    if (size > 256 * 1024) errs.push(fieldErr.tooLong('parameters', 256 * 1024));
  }
  const rp = str(o.reclaimPolicy);
  if (rp && !RECLAIM.includes(rp)) errs.push(fieldErr.notSupported('reclaimPolicy', rp, RECLAIM));
  if (o.volumeBindingMode == null) errs.push(fieldErr.required('volumeBindingMode', ''));
  else if (!BINDING_MODES.includes(str(o.volumeBindingMode))) errs.push(fieldErr.notSupported('volumeBindingMode', o.volumeBindingMode, BINDING_MODES));
  return errs;
}

/** storage.k8s.io/v1 StorageClass (cluster-scoped); the default class is marked by annotation. */
export const storageClasses = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  singular: 'storageclass',
  shortNames: ['sc'],
  namespaced: false,
  defaults(o) {
    o.reclaimPolicy ??= 'Delete';
    o.volumeBindingMode ??= 'Immediate';
  },
  validate: validateStorageClass,
  validateUpdate(o, old) {
    const errs: FieldError[] = [];
    if (JSON.stringify(o.parameters ?? null) !== JSON.stringify(old.parameters ?? null))
      errs.push(fieldErr.forbidden('parameters', 'updates to parameters are forbidden.'));
    if (str(o.provisioner) !== str(old.provisioner)) errs.push(fieldErr.forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (str(o.reclaimPolicy) !== str(old.reclaimPolicy)) errs.push(fieldErr.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    if (o.volumeBindingMode !== old.volumeBindingMode) errs.push(fieldErr.immutable('volumeBindingMode', o.volumeBindingMode ?? null));
    return errs;
  },
  columns: [
    nameColumn,
    col('Provisioner', 'string', 0, 'provisioner indicates the type of the provisioner.'),
    col('ReclaimPolicy', 'string', 0, 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    col('VolumeBindingMode', 'string', 0, 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    col('AllowVolumeExpansion', 'string', 0, 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn,
  ],
  row: (o, now) => [
    isDefaultStorageClass(o) ? `${o.metadata.name} (default)` : o.metadata.name,
    str(o.provisioner),
    o.reclaimPolicy ?? 'Delete',
    o.volumeBindingMode ?? 'Immediate',
    o.allowVolumeExpansion === true,
    age(o, now),
  ],
});
