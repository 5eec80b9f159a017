import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { isDNS1123Subdomain, validateLabelSelector } from '../../../api/validation';
import type { RequestContext } from '../../types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, canonicalResourceList, invalidEach, isObject, newestFirst, quantity, quantityString, str, type Json } from './helpers';
import { accessModesString, BETA_CLASS_ANNOTATION, className, positiveQuantity, storageClassOf, validateAccessModes, VOLUME_MODES } from './volume-helpers';

/** storageutil.IsDefaultAnnotation: the GA or beta "is-default-class" annotation set to "true". */
export const isDefaultStorageClass = (sc: KObject): boolean =>
  sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

/** DefaultStorageClass admission: a claim without a class gets the newest default StorageClass. */
function admitDefaultStorageClass(o: KObject, ctx: RequestContext): void {
  if (o.spec.storageClassName != null || o.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return;
  const def = ctx.list('storage.k8s.io/storageclasses').filter(isDefaultStorageClass).sort(newestFirst)[0];
  if (def) o.spec.storageClassName = def.metadata.name;
}

// NormalizeDataSources: dataSource and dataSourceRef mirror each other when only one is given.
function normalizeDataSources(spec: Json): void {
  if (spec.dataSource && !spec.dataSourceRef) spec.dataSourceRef = { ...spec.dataSource };
  else if (spec.dataSourceRef && !spec.dataSource && !spec.dataSourceRef.namespace) {
    spec.dataSource = { ...spec.dataSourceRef };
    delete spec.dataSource.namespace;
  }
}

function validateDataSource(ds: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(ds.name)) errs.push(fieldErr.required(`${p}.name`, ''));
  if (!str(ds.kind)) errs.push(fieldErr.required(`${p}.kind`, ''));
  const group = str(ds.apiGroup);
  if (!group && ds.kind !== 'PersistentVolumeClaim')
    errs.push(fieldErr.invalid(p, str(ds.kind), "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (group) errs.push(...invalidEach(`${p}.apiGroup`, group, isDNS1123Subdomain(group)));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec. */
export function validatePVCSpec(spec: Json): FieldError[] {
  const modes = arr(spec.accessModes);
  const out: FieldError[] = modes.length ? [] : [fieldErr.required('spec.accessModes', 'at least 1 access mode is required')];
  if (spec.selector != null) out.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  out.push(...validateAccessModes(modes, 'spec.accessModes'));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) out.push(fieldErr.required('spec.resources[storage]', ''));
  else out.push(...positiveQuantity(storage, 'spec.resources[storage]'));
  if (str(spec.storageClassName)) out.push(...className(spec.storageClassName, 'spec.storageClassName'));
  if (spec.volumeMode != null && !VOLUME_MODES.includes(spec.volumeMode)) out.push(fieldErr.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (spec.dataSource) out.push(...validateDataSource(spec.dataSource, 'spec.dataSource'));
  if (spec.dataSourceRef) out.push(...validateDataSource(spec.dataSourceRef, 'spec.dataSourceRef'));
  if (str(spec.volumeAttributesClassName)) out.push(...className(spec.volumeAttributesClassName, 'spec.volumeAttributesClassName'));
  return out;
}

/** ValidatePersistentVolumeClaimUpdate: the spec is frozen except what expansion and binding may change. */
export function validatePVCUpdate(o: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const a = structuredClone(old.spec ?? {});
  const b = structuredClone(o.spec ?? {});
  if (!old.spec?.volumeName) a.volumeName = b.volumeName; // the PV controller binds once
  if (a.storageClassName == null && b.storageClassName != null) a.storageClassName = b.storageClassName;
  const bound = o.status?.phase === 'Bound';
  if (bound && isObject(b.resources?.requests)) b.resources.requests.storage = a.resources?.requests?.storage;
  if (bound && b.volumeAttributesClassName != null) b.volumeAttributesClassName = a.volumeAttributesClassName;
  if (JSON.stringify(sortDeep(a)) !== JSON.stringify(sortDeep(b)))
    errs.push(fieldErr.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  const newSize = quantity(o.spec?.resources?.requests?.storage);
  const oldSize = quantity(old.spec?.resources?.requests?.storage);
  const statusSize = quantity(old.status?.capacity?.storage)?.nanos ?? 0n;
  // RecoverVolumeExpansionFailure (beta, on in 1.32): shrinking is allowed down to status.capacity
  if (newSize && oldSize && newSize.nanos < oldSize.nanos && newSize.nanos <= statusSize)
    errs.push(fieldErr.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  if ((o.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) errs.push(fieldErr.immutable('volumeMode', o.spec?.volumeMode ?? null));
  return errs;
}

const sortDeep = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sortDeep) : isObject(v) ? Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => [k, sortDeep(v[k])])) : v;

/** core/v1 PersistentVolumeClaim. */
export const persistentVolumeClaims = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  shortNames: ['pvc'],
  namespaced: true,
  subresources: ['status'],
  hasStatus: true,
  prepareForCreate(o, ctx) {
    o.status = { phase: 'Pending' };
    o.spec ??= {};
    normalizeDataSources(o.spec);
    admitDefaultStorageClass(o, ctx);
  },
  defaults(o) {
    const spec = (o.spec ??= {});
    spec.volumeMode ??= 'Filesystem';
    canonicalResourceList(spec.resources?.requests);
    canonicalResourceList(spec.resources?.limits);
  },
  validate: (o) => validatePVCSpec(o.spec ?? {}),
  validateUpdate: validatePVCUpdate,
  columns: [
    nameColumn,
    col('Status', 'string', 0, 'phase represents the current phase of PersistentVolumeClaim.'),
    col('Volume', 'string', 0, 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    col('Capacity', 'string', 0, 'capacity represents the actual resources of the underlying volume.'),
    col('Access Modes', 'string', 0, 'accessModes contains the actual access modes the volume backing the PVC has.'),
    col('StorageClass', 'string', 0, 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 0, 'VolumeAttributesClass of the pvc'),
    ageColumn,
    col('VolumeMode', 'string', 1, 'volumeMode defines what type of volume is required by the claim.'),
  ],
  row: (o, now) => {
    const bound = !!o.spec?.volumeName;
    return [
      o.metadata.name,
      o.metadata.deletionTimestamp ? 'Terminating' : str(o.status?.phase),
      str(o.spec?.volumeName),
      bound ? quantityString(o.status?.capacity?.storage) : '',
      bound ? accessModesString(o.status?.accessModes) : '',
      storageClassOf(o),
      o.spec?.volumeAttributesClassName ?? '<unset>',
      age(o, now),
      o.spec?.volumeMode ?? '<unset>',
    ];
  },
});
