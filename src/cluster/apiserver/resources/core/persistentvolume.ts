import { fieldErr, FieldErrorType, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { isDNS1123Subdomain } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, canonicalResourceList, invalidEach, isObject, quantity, quantityString, rawErr, sortedKeys, str, type Json } from './helpers';
import { accessModesString, className, positiveQuantity, storageClassOf, validateAccessModes, VOLUME_MODES } from './volume-helpers';

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
/** Volume sources in upstream's checking order: [JSON field, name used in "more than 1" errors]. */
const SOURCES: [string, string][] = [
  ['hostPath', 'hostPath'], ['gcePersistentDisk', 'gcePersistentDisk'], ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['nfs', 'nfs'], ['rbd', 'rbd'], ['quobyte', 'quobyte'],
  ['cephfs', 'cephFS'], ['iscsi', 'iscsi'], ['cinder', 'cinder'], ['fc', 'fc'], ['flexVolume', ''], ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'], ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'], ['scaleIO', 'scaleIO'], ['local', 'local'], ['storageos', 'storageos'], ['csi', 'csi'],
];

const noBacksteps = (path: string, field: string): FieldError[] =>
  path.split('/').includes('..') ? [fieldErr.invalid(field, path, "must not contain '..'")] : [];

// The sources a learner uses get their own checks; the others only count as "a volume type".
function validateSource(key: string, src: Json, p: string): FieldError[] {
  switch (key) {
    case 'hostPath': {
      if (!str(src.path)) return [fieldErr.required(`${p}.path`, '')];
      const errs = noBacksteps(src.path, `${p}.path`);
      if (src.type != null && !HOST_PATH_TYPES.includes(src.type)) errs.push(fieldErr.notSupported(`${p}.type`, src.type, HOST_PATH_TYPES));
      return errs;
    }
    case 'nfs': {
      const errs: FieldError[] = [];
      if (!str(src.server)) errs.push(fieldErr.required(`${p}.server`, ''));
      if (!str(src.path)) errs.push(fieldErr.required(`${p}.path`, ''));
      if (!str(src.path).startsWith('/')) errs.push(fieldErr.invalid(`${p}.path`, str(src.path), 'must be an absolute path'));
      return errs;
    }
    case 'local':
      return str(src.path) ? noBacksteps(src.path, `${p}.path`) : [fieldErr.required(`${p}.path`, '')];
    case 'csi': {
      const driver = str(src.driver);
      const errs: FieldError[] = [];
      if (!driver) errs.push(fieldErr.required(`${p}.driver`, ''));
      if (driver.length > 63) errs.push(fieldErr.tooLong(`${p}.driver`, 63));
      errs.push(...invalidEach(`${p}.driver`, driver, isDNS1123Subdomain(driver.toLowerCase())));
      if (!str(src.volumeHandle)) errs.push(fieldErr.required(`${p}.volumeHandle`, ''));
      return errs;
    }
  }
  return [];
}

/** %#v of a core.ResourceList, simplified for quantities (upstream prints the Quantity internals). */
const goResourceList = (m: Json) =>
  isObject(m) ? `core.ResourceList{${sortedKeys(m).map((k) => `"${k}":"${quantityString(m[k])}"`).join(', ')}}` : 'core.ResourceList(nil)';

/** ValidatePersistentVolumeSpec (non-inline). */
export function validatePVSpec(spec: Json): FieldError[] {
  const modes = arr(spec.accessModes);
  const errs = modes.length ? [] : [fieldErr.required('spec.accessModes', '')];
  errs.push(...validateAccessModes(modes, 'spec.accessModes'));
  const cap = isObject(spec.capacity) ? spec.capacity : undefined;
  const keys = sortedKeys(cap);
  if (!keys.length) errs.push(fieldErr.required('spec.capacity', ''));
  if (!keys.includes('storage') || keys.length > 1) errs.push(rawErr(FieldErrorType.NotSupported, 'spec.capacity', goResourceList(cap), 'supported values: "storage"'));
  for (const k of keys) {
    const q = quantity(cap![k]);
    if (q && q.nanos < 0n) errs.push(fieldErr.invalid(`spec.capacity[${k}]`, Number(q.nanos / 1_000_000_000n), 'must be a valid resource quantity'));
    errs.push(...positiveQuantity(cap![k], `spec.capacity[${k}]`));
  }
  const rp = spec.persistentVolumeReclaimPolicy;
  if (rp && !RECLAIM_POLICIES.includes(rp)) errs.push(fieldErr.notSupported('spec.persistentVolumeReclaimPolicy', rp, RECLAIM_POLICIES));
  if (spec.nodeAffinity != null && spec.nodeAffinity.required == null)
    errs.push(fieldErr.required('spec.nodeAffinity.required', 'must specify required node constraints'));
  let n = 0;
  for (const [key, name] of SOURCES) {
    if (spec[key] == null) continue;
    if (n > 0 && name) {
      errs.push(fieldErr.forbidden(`spec.${name}`, 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    errs.push(...validateSource(key, spec[key], `spec.${key}`));
    if (key === 'local' && spec.nodeAffinity == null) errs.push(fieldErr.required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (!n) errs.push(fieldErr.required('spec', 'must specify a volume type'));
  if (spec.hostPath && str(spec.hostPath.path).replace(/\/+$/, '') === '' && str(spec.hostPath.path).startsWith('/') && rp === 'Recycle')
    errs.push(fieldErr.forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
  if (str(spec.storageClassName)) errs.push(...className(spec.storageClassName, 'spec.storageClassName'));
  if (spec.volumeMode != null && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(fieldErr.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (spec.volumeAttributesClassName != null) {
    if (!str(spec.volumeAttributesClassName)) errs.push(fieldErr.required('spec.volumeAttributesClassName', 'an empty string is disallowed'));
    else errs.push(...className(spec.volumeAttributesClassName, 'spec.volumeAttributesClassName'));
    if (spec.csi == null) errs.push(fieldErr.required('spec.csi', 'has to be specified when using volumeAttributesClassName'));
  }
  return errs;
}

const sourceOf = (spec: Json) => JSON.stringify(SOURCES.map(([k]) => spec?.[k] ?? null));

/** core/v1 PersistentVolume: cluster-scoped storage, bound to claims by the PV controller. */
export const persistentVolumes = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  shortNames: ['pv'],
  namespaced: false,
  subresources: ['status'],
  hasStatus: true,
  prepareForCreate(o, ctx) {
    o.status = { phase: 'Pending', lastPhaseTransitionTime: ctx.now };
  },
  defaults(o) {
    const spec = (o.spec ??= {});
    spec.persistentVolumeReclaimPolicy ||= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    if (isObject(spec.hostPath)) spec.hostPath.type ??= '';
    canonicalResourceList(spec.capacity);
  },
  validate: (o) => validatePVSpec(o.spec ?? {}),
  validateUpdate(o, old) {
    const errs: FieldError[] = [];
    if (sourceOf(o.spec) !== sourceOf(old.spec))
      errs.push(fieldErr.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
    if ((o.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) errs.push(fieldErr.immutable('volumeMode', o.spec?.volumeMode ?? null));
    if (old.spec?.nodeAffinity != null && JSON.stringify(o.spec?.nodeAffinity ?? null) !== JSON.stringify(old.spec.nodeAffinity))
      errs.push(fieldErr.invalid('nodeAffinity', o.spec?.nodeAffinity ?? null, 'field is immutable, except for updating from beta label to GA'));
    return errs;
  },
  columns: [
    nameColumn,
    col('Capacity', 'string', 0, 'capacity is the description of the persistent volume\'s resources and capacity.'),
    col('Access Modes', 'string', 0, 'accessModes contains all ways the volume can be mounted.'),
    col('Reclaim Policy', 'string', 0, 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    col('Status', 'string', 0, 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    col('Claim', 'string', 0, 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    col('StorageClass', 'string', 0, 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 0, 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', 0, 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn,
    col('VolumeMode', 'string', 1, 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.'),
  ],
  row: (o: KObject, now) => {
    const ref = o.spec?.claimRef;
    return [
      o.metadata.name,
      quantityString(o.spec?.capacity?.storage),
      accessModesString(o.spec?.accessModes),
      str(o.spec?.persistentVolumeReclaimPolicy),
      o.metadata.deletionTimestamp ? 'Terminating' : str(o.status?.phase),
      ref ? `${str(ref.namespace)}/${str(ref.name)}` : '',
      storageClassOf(o),
      o.spec?.volumeAttributesClassName ?? '<unset>',
      str(o.status?.reason),
      age(o, now),
      o.spec?.volumeMode ?? '<unset>',
    ];
  },
});
