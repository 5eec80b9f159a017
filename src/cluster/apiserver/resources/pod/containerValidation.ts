/**
 * Container list validation (validateContainers, validateInitContainers, validateEphemeralContainers,
 * validateContainerCommon, v1.32): names, images, ports, env, mounts, pull policy, resources, probes,
 * security context and host-port conflicts, in upstream's order.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { isValidPortName, isValidPortNum } from '../../../api/validation';
import { validateEnv, validateEnvFrom } from './envValidation';
import { validateContainerProbes, validateLifecycle, validatePullPolicy } from './probeValidation';
import { validateResourceRequirements } from './resourceValidation';
import { validateContainerSecurityContext } from './securityValidation';
import { arr, dns1123Label, isObj, localDescendingPath, str, type Json } from './validationHelpers';

type Vols = Map<string, Json>;

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  arr(ports).forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port?.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(fieldErr.invalid(`${p}.name`, name, m));
      else if (names.has(name)) errs.push(fieldErr.duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const cp = typeof port?.containerPort === 'number' ? port.containerPort : 0;
    if (cp === 0) errs.push(fieldErr.required(`${p}.containerPort`));
    else for (const m of isValidPortNum(cp)) errs.push(fieldErr.invalid(`${p}.containerPort`, cp, m));
    const hp = typeof port?.hostPort === 'number' ? port.hostPort : 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(fieldErr.invalid(`${p}.hostPort`, hp, m));
    const proto = str(port?.protocol);
    if (!proto) errs.push(fieldErr.required(`${p}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(proto)) errs.push(fieldErr.notSupported(`${p}.protocol`, proto, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

const isPVCSource = (src: Json) => isObj(src?.persistentVolumeClaim) || isObj(src?.ephemeral);

const NO_DEVICES: ReadonlyMap<string, string> = new Map();
const NO_PATHS: ReadonlySet<string> = new Set();

function validateVolumeMounts(c: Json, vols: Vols, path: string): FieldError[] {
  if (arr(c.volumeMounts).length === 0) return [];
  const errs: FieldError[] = [];
  const deviceList = arr(c.volumeDevices);
  const devices = deviceList.length ? new Map(deviceList.map((d) => [str(d?.name), str(d?.devicePath)] as [string, string])) : NO_DEVICES;
  const devicePaths = deviceList.length ? new Set(devices.values()) : NO_PATHS;
  const mountPoints = new Set<string>();
  const privileged = c.securityContext?.privileged === true;
  arr(c.volumeMounts).forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = str(m?.name);
    const mountPath = str(m?.mountPath);
    if (!name) errs.push(fieldErr.required(`${p}.name`));
    if (!vols.has(name)) errs.push(fieldErr.notFound(`${p}.name`, name));
    if (!mountPath) errs.push(fieldErr.required(`${p}.mountPath`));
    if (mountPoints.has(mountPath)) errs.push(fieldErr.invalid(`${p}.mountPath`, mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    if (devices.has(name)) errs.push(fieldErr.invalid(`${p}.name`, name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(mountPath))
      errs.push(fieldErr.invalid(`${p}.mountPath`, mountPath, 'must not already exist as a path in volumeDevices'));
    // upstream reports these two under the list path, not the item
    if (str(m?.subPath)) errs.push(...localDescendingPath(`${path}.subPath`, m.subPath));
    if (str(m?.subPathExpr)) {
      if (str(m?.subPath)) errs.push(fieldErr.invalid(`${p}.subPathExpr`, m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...localDescendingPath(`${path}.subPathExpr`, m.subPathExpr));
    }
    if (m?.mountPropagation != null) {
      const mp = m.mountPropagation;
      const ok = ['Bidirectional', 'HostToContainer', 'None'];
      if (!ok.includes(mp)) errs.push(fieldErr.notSupported(`${path}.mountPropagation`, mp, ok));
      if (mp === 'Bidirectional' && !privileged)
        errs.push(fieldErr.forbidden(`${path}.mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers'));
    }
    const rro = m?.recursiveReadOnly;
    if (rro != null && rro !== 'Disabled') {
      const rp = `${path}.recursiveReadOnly`;
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (!m.readOnly) errs.push(fieldErr.forbidden(rp, 'may only be specified when readOnly is true'));
        if (m.mountPropagation != null && m.mountPropagation !== 'None')
          errs.push(fieldErr.forbidden(rp, 'may only be specified when mountPropagation is None or not specified'));
      } else errs.push(fieldErr.notSupported(rp, rro, ['Disabled', 'Enabled', 'IfPossible']));
    }
  });
  return errs;
}

function validateVolumeDevices(c: Json, vols: Vols, path: string): FieldError[] {
  if (arr(c.volumeDevices).length === 0) return [];
  const errs: FieldError[] = [];
  const mounts = new Map(arr(c.volumeMounts).map((m) => [str(m?.name), str(m?.mountPath)] as [string, string]));
  const paths = new Set<string>();
  const names = new Set<string>();
  arr(c.volumeDevices).forEach((d, i) => {
    const p = `${path}[${i}]`;
    const name = str(d?.name);
    const devPath = str(d?.devicePath);
    const src = vols.get(name);
    if (!name) errs.push(fieldErr.required(`${p}.name`));
    if (names.has(name)) errs.push(fieldErr.invalid(`${p}.name`, name, 'must be unique'));
    if (src && !isPVCSource(src))
      errs.push(fieldErr.invalid(`${p}.name`, name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    if (!src) errs.push(fieldErr.notFound(`${p}.name`, name));
    if (!devPath) errs.push(fieldErr.required(`${p}.devicePath`));
    if (paths.has(devPath)) errs.push(fieldErr.invalid(`${p}.devicePath`, devPath, 'must be unique'));
    if (devPath && devPath.split('/').includes('..')) errs.push(fieldErr.invalid(`${p}.devicePath`, devPath, "can not contain backsteps ('..')"));
    else paths.add(devPath);
    if (mounts.has(name)) errs.push(fieldErr.invalid(`${p}.name`, name, 'must not already exist in volumeMounts'));
    if ([...mounts.values()].includes(devPath)) errs.push(fieldErr.invalid(`${p}.devicePath`, devPath, 'must not already exist as a path in volumeMounts'));
    if (name) names.add(name);
  });
  return errs;
}

/** validateContainerCommon. */
function validateCommon(c: Json, vols: Vols, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(fieldErr.required(`${path}.name`));
  else errs.push(...dns1123Label(`${path}.name`, name));
  if (!str(c.image)) errs.push(fieldErr.required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(fieldErr.required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError')
    errs.push(fieldErr.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validatePorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c, vols, `${path}.volumeMounts`));
  errs.push(...validateVolumeDevices(c, vols, `${path}.volumeDevices`));
  errs.push(...validatePullPolicy(c.imagePullPolicy, `${path}.imagePullPolicy`));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  errs.push(...validateContainerSecurityContext(c.securityContext, `${path}.securityContext`));
  return errs;
}

/** checkHostPortConflicts: one `protocol/hostIP/port` per pod (per init container for init containers). */
function hostPortConflicts(containers: Json[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    arr(c?.ports).forEach((p, pi) => {
      if (!p?.hostPort) return;
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${p.hostPort}`;
      if (seen.has(key)) errs.push(fieldErr.duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

/** validateContainers: regular containers (at least one). */
export function validateContainers(containers: unknown, vols: Vols, grace: number | undefined, path: string): FieldError[] {
  const list = arr(containers);
  if (list.length === 0) return [fieldErr.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    const ctr = isObj(c) ? c : {};
    errs.push(...validateCommon(ctr, vols, p));
    if (names.has(str(ctr.name))) errs.push(fieldErr.duplicate(`${p}.name`, str(ctr.name)));
    else names.add(str(ctr.name));
    if (isObj(ctr.lifecycle)) errs.push(...validateLifecycle(ctr.lifecycle, grace, `${p}.lifecycle`));
    errs.push(...validateContainerProbes(ctr, grace, p));
    if (ctr.restartPolicy != null) errs.push(fieldErr.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  return errs.concat(hostPortConflicts(list, path));
}

/** validateInitContainers: sidecars (restartPolicy Always) may have probes and hooks. */
export function validateInitContainers(init: unknown, regular: unknown, vols: Vols, grace: number | undefined, path: string): FieldError[] {
  if (arr(init).length === 0) return [];
  const errs: FieldError[] = [];
  const names = new Set(arr(regular).map((c) => str(c?.name)));
  arr(init).forEach((c, i) => {
    const p = `${path}[${i}]`;
    const ctr = isObj(c) ? c : {};
    errs.push(...validateCommon(ctr, vols, p));
    const rp = ctr.restartPolicy;
    if (rp != null && rp !== 'Always') errs.push(fieldErr.notSupported(`${p}.restartPolicy`, rp, ['Always']));
    const name = str(ctr.name);
    if (names.has(name)) errs.push(fieldErr.duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    // upstream checks each init container as a one-element list, so the index is always [0]
    errs.push(...hostPortConflicts([ctr], path));
    if (rp === 'Always') {
      if (isObj(ctr.lifecycle)) errs.push(...validateLifecycle(ctr.lifecycle, grace, `${p}.lifecycle`));
      errs.push(...validateContainerProbes(ctr, grace, p));
    } else {
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'])
        if (ctr[k] != null) errs.push(fieldErr.forbidden(`${p}.${k}`, 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}

// Fields an ephemeral container may set; anything else is "cannot be set for an Ephemeral Container".
const ephemeralDenied = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

/** validateEphemeralContainers. */
export function validateEphemeralContainers(eph: unknown, spec: Json, vols: Vols, path: string): FieldError[] {
  if (arr(eph).length === 0) return [];
  const errs: FieldError[] = [];
  const others = new Set([...arr(spec.containers), ...arr(spec.initContainers)].map((c) => str(c?.name)));
  const all = new Set(others);
  arr(eph).forEach((c, i) => {
    const p = `${path}[${i}]`;
    const ctr = isObj(c) ? c : {};
    errs.push(...validateCommon(ctr, vols, p));
    const image = str(ctr.image);
    if (image.trim() !== image) errs.push(fieldErr.invalid(`${p}.image`, image, 'must not have leading or trailing whitespace'));
    if (all.has(str(ctr.name))) errs.push(fieldErr.duplicate(`${p}.name`, str(ctr.name)));
    else all.add(str(ctr.name));
    const target = str(ctr.targetContainerName);
    if (target && !others.has(target)) errs.push(fieldErr.notFound(`${p}.targetContainerName`, target));
    for (const k of ephemeralDenied) {
      const v = ctr[k];
      const set = v != null && !(Array.isArray(v) && v.length === 0) && !(isObj(v) && Object.keys(v).length === 0);
      if (set) errs.push(fieldErr.forbidden(`${p}.${k}`, 'cannot be set for an Ephemeral Container'));
    }
    arr(ctr.volumeMounts).forEach((m, j) => {
      for (const k of ['subPath', 'subPathExpr'])
        if (str(m?.[k])) errs.push(fieldErr.forbidden(`${p}.volumeMounts[${j}].${k}`, 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}
