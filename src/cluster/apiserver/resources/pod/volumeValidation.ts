/**
 * Pod volume validation (ValidateVolumes / validateVolumeSource, v1.32): unique DNS-label names and
 * exactly one source. The everyday sources are checked in detail; the legacy in-tree plugins only for
 * their required fields. Returns the names of valid volumes for the volumeMounts check.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { parseQuantity } from '../../../api/quantity';
import { nameIsDNSSubdomain } from '../../../api/validation';
import { validateObjectFieldSelector, validateResourceFieldSelector, volumeFieldPaths } from './envValidation';
import { arr, dns1123Label, fileMode, isAbs, isObj, localDescendingPath, localNonReservedPath, noBacksteps, str, type Json } from './validationHelpers';

// Source keys in upstream's checking order, with the field path upstream reports under (typos kept).
const SOURCES: [key: string, errPath: string, required: string[]][] = [
  ['emptyDir', 'emptyDir', []], ['hostPath', 'hostPath', []], ['gitRepo', 'gitRepo', []],
  ['gcePersistentDisk', 'persistentDisk', ['pdName']], ['awsElasticBlockStore', 'awsElasticBlockStore', ['volumeID']],
  ['secret', 'secret', []], ['nfs', 'nfs', []], ['iscsi', 'iscsi', ['targetPortal', 'iqn']],
  ['glusterfs', 'glusterfs', ['endpoints', 'path']], ['flocker', 'flocker', []],
  ['persistentVolumeClaim', 'persistentVolumeClaim', ['claimName']], ['rbd', 'rbd', ['monitors', 'image']],
  ['cinder', 'cinder', ['volumeID']], ['cephfs', 'cephfs', ['monitors']], ['quobyte', 'quobyte', ['registry', 'volume']],
  ['downwardAPI', 'downwardAPI', []], ['fc', 'fc', []], ['flexVolume', 'flexVolume', ['driver']], ['configMap', 'configMap', []],
  ['azureFile', 'azureFile', ['secretName', 'shareName']], ['vsphereVolume', 'vsphereVolume', ['volumePath']],
  ['photonPersistentDisk', 'photonPersistentDisk', ['pdID']], ['portworxVolume', 'portworxVolume', ['volumeID']],
  ['azureDisk', 'azureDisk', ['diskName', 'diskURI']], ['storageos', 'storageos', ['volumeName']],
  ['projected', 'projected', []], ['scaleIO', 'scaleIO', ['gateway', 'system']], ['csi', 'csi', ['driver']],
  ['ephemeral', 'ephemeral', []], ['image', 'image', []],
];
const forbiddenPath: Record<string, string> = { downwardAPI: 'downwarAPI' };
const hostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** ValidateVolumes: returns the errors and the set of names of valid volumes (with their sources). */
export function validateVolumes(volumes: unknown, path: string, podName?: string): { errs: FieldError[]; vols: Map<string, Json> } {
  const errs: FieldError[] = [];
  const vols = new Map<string, Json>();
  const created = podName && arr(volumes).some((v) => isObj(v?.ephemeral))
    ? new Set(arr(volumes).filter((v) => isObj(v?.ephemeral)).map((v) => `${podName}-${str(v.name)}`))
    : NO_CLAIMS;
  arr(volumes).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const name = str(v?.name);
    const el = isObj(v) ? validateVolumeSource(v, p, name, podName) : [fieldErr.required(p, 'must specify a volume type')];
    if (!name) el.push(fieldErr.required(`${p}.name`));
    else el.push(...dns1123Label(`${p}.name`, name));
    if (vols.has(name)) el.push(fieldErr.duplicate(`${p}.name`, name));
    if (el.length === 0) vols.set(name, v);
    else errs.push(...el);
    const claim = v?.persistentVolumeClaim?.claimName;
    if (typeof claim === 'string' && created.has(claim))
      errs.push(fieldErr.invalid(`${p}.persistentVolumeClaim.claimName`, claim, 'must not reference a PVC that gets created for an ephemeral volume'));
  });
  return { errs, vols };
}

const validFrozen = new WeakSet<object>();
const NO_CLAIMS: ReadonlySet<string> = new Set();

function validateVolumeSource(v: Json, path: string, volName: string, podName?: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const [key, errPath, required] of SOURCES) {
    const src = v[key];
    if (src === undefined || src === null) continue;
    if (n > 0) {
      errs.push(fieldErr.forbidden(`${path}.${forbiddenPath[key] ?? key}`, 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    // A frozen source cannot change, so once it passed it passes again (the shared service-account token source).
    if (validFrozen.has(src)) continue;
    const p = `${path}.${errPath}`;
    const s = isObj(src) ? src : {};
    const before = errs.length;
    for (const r of required) if (s[r] === undefined || s[r] === '' || (Array.isArray(s[r]) && s[r].length === 0)) errs.push(fieldErr.required(`${p}.${r}`));
    errs.push(...detailChecks(key, s, p, volName, podName));
    // Ephemeral volumes are checked against the pod name, so their verdict is not the source's alone.
    if (errs.length === before && key !== 'ephemeral' && isObj(src) && Object.isFrozen(src)) validFrozen.add(src);
  }
  if (n === 0) errs.push(fieldErr.required(path, 'must specify a volume type'));
  return errs;
}

function detailChecks(key: string, s: Json, p: string, volName: string, podName?: string): FieldError[] {
  switch (key) {
    case 'emptyDir': {
      let negative = false;
      try {
        negative = s.sizeLimit != null && parseQuantity(s.sizeLimit).nanos < 0n;
      } catch {
        /* decoder */
      }
      return negative ? [fieldErr.forbidden(`${p}.sizeLimit`, 'SizeLimit field must be a valid resource quantity')] : [];
    }
    case 'hostPath': {
      const path = str(s.path);
      if (!path) return [fieldErr.required(`${p}.path`)];
      const errs = noBacksteps(`${p}.path`, path);
      if (s.type != null && !hostPathTypes.includes(s.type)) errs.push(fieldErr.notSupported(`${p}.type`, s.type, hostPathTypes));
      return errs;
    }
    case 'gitRepo':
      return [...(str(s.repository) ? [] : [fieldErr.required(`${p}.repository`)]), ...localDescendingPath(`${p}.directory`, str(s.directory))];
    case 'secret':
      return [
        ...(str(s.secretName) ? [] : [fieldErr.required(`${p}.secretName`)]),
        ...fileMode(`${p}.defaultMode`, s.defaultMode),
        ...keyToPaths(s.items, `${p}.items`),
      ];
    case 'configMap':
      return [...(str(s.name) ? [] : [fieldErr.required(`${p}.name`)]), ...fileMode(`${p}.defaultMode`, s.defaultMode), ...keyToPaths(s.items, `${p}.items`)];
    case 'nfs': {
      const errs: FieldError[] = [];
      if (!str(s.server)) errs.push(fieldErr.required(`${p}.server`));
      if (!str(s.path)) errs.push(fieldErr.required(`${p}.path`));
      if (!isAbs(str(s.path))) errs.push(fieldErr.invalid(`${p}.path`, str(s.path), 'must be an absolute path'));
      return errs;
    }
    case 'downwardAPI': {
      const errs = fileMode(`${p}.defaultMode`, s.defaultMode);
      for (const f of arr(s.items)) errs.push(...downwardAPIFile(f, p));
      return errs;
    }
    case 'projected':
      return [...fileMode(`${p}.defaultMode`, s.defaultMode), ...projectionSources(s, p)];
    case 'ephemeral': {
      const t = s.volumeClaimTemplate;
      if (!isObj(t)) return [fieldErr.required(`${p}.volumeClaimTemplate`)];
      const errs: FieldError[] = [];
      const sp = `${p}.volumeClaimTemplate.spec`;
      if (arr(t.spec?.accessModes).length === 0) errs.push(fieldErr.required(`${sp}.accessModes`, 'at least 1 access mode is required'));
      if (t.spec?.resources?.requests?.storage == null) errs.push(fieldErr.required(`${sp}.resources[storage]`));
      if (podName && volName) {
        const pvc = `${podName}-${volName}`;
        for (const m of nameIsDNSSubdomain(pvc, false)) errs.push(fieldErr.invalid(`${p}.name`, volName, `PVC name "${pvc}": ${m}`));
      }
      return errs;
    }
    default:
      return [];
  }
}

function keyToPaths(items: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(items).forEach((kp, i) => {
    const p = `${path}[${i}]`;
    if (!str(kp?.key)) errs.push(fieldErr.required(`${p}.key`));
    if (!str(kp?.path)) errs.push(fieldErr.required(`${p}.path`));
    errs.push(...localNonReservedPath(`${p}.path`, str(kp?.path)), ...fileMode(`${p}.mode`, kp?.mode));
  });
  return errs;
}

function downwardAPIFile(f: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(f?.path)) errs.push(fieldErr.required(`${path}.path`));
  errs.push(...localNonReservedPath(`${path}.path`, str(f?.path)));
  if (isObj(f?.fieldRef)) {
    errs.push(...validateObjectFieldSelector(f.fieldRef, volumeFieldPaths, `${path}.fieldRef`));
    if (isObj(f.resourceFieldRef)) errs.push(fieldErr.invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (isObj(f?.resourceFieldRef)) {
    errs.push(...validateResourceFieldSelector(f.resourceFieldRef, `${path}.resourceFieldRef`, true));
  } else errs.push(fieldErr.required(path, 'one of fieldRef and resourceFieldRef is required'));
  return errs.concat(fileMode(`${path}.mode`, f?.mode));
}

function projectionSources(s: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  const claim = (p: string, bad: string) => {
    if (paths.has(p)) errs.push(fieldErr.invalid(path, bad, 'conflicting duplicate paths'));
    else paths.add(p);
  };
  arr(s.sources).forEach((src, i) => {
    const sp = `${path}.sources[${i}]`;
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      if (!isObj(src?.[kind])) continue;
      n++;
      if (!str(src[kind].name)) errs.push(fieldErr.required(`${sp}.${kind}.name`));
      arr(src[kind].items).forEach((kp, j) => {
        errs.push(...keyToPaths([kp], `${sp}.${kind}.items`).map((e) => ({ ...e, field: e.field.replace('items[0]', `items[${j}]`) })));
        if (str(kp?.path)) claim(kp.path, str(src[kind].name));
      });
    }
    if (isObj(src?.downwardAPI)) {
      n++;
      for (const f of arr(src.downwardAPI.items)) {
        errs.push(...downwardAPIFile(f, `${sp}.downwardAPI`));
        if (str(f?.path)) claim(f.path, f.path);
      }
    }
    if (isObj(src?.serviceAccountToken)) {
      n++;
      const t = src.serviceAccountToken;
      const exp = typeof t.expirationSeconds === 'number' ? t.expirationSeconds : 0;
      if (exp < 600) errs.push(fieldErr.invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(fieldErr.invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!str(t.path)) errs.push(fieldErr.required(`${path}.path`));
      else errs.push(...localNonReservedPath(`${path}.path`, t.path));
    }
    if (isObj(src?.clusterTrustBundle)) n++;
    if (n > 1) errs.push(fieldErr.forbidden(sp, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}
