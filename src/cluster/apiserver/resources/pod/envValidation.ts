/**
 * Container env / envFrom validation (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom, v1.32).
 * RelaxedEnvironmentVariableValidation is beta and on in 1.32, so names use the relaxed rule.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { formatQuantity, parseQuantity } from '../../../api/quantity';
import { isConfigMapKey, isRelaxedEnvVarName, nameIsDNSSubdomain } from '../../../api/validation';
import { arr, isObj, qualifiedName, str, type Json } from './validationHelpers';

const envFieldPaths = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
].sort();
export const volumeFieldPaths = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const resourceFieldPaths = [
  'limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory',
];
// podshelper.ConvertDownwardAPIFieldLabel accepts these (plus subscripted labels/annotations).
const convertible = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs',
  'status.podIP', 'status.podIPs',
]);

/** ValidateEnv. */
export function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(env).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    const name = str(ev?.name);
    if (!name) errs.push(fieldErr.required(`${p}.name`));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(fieldErr.invalid(`${p}.name`, name, m));
    errs.push(...validateValueFrom(ev, `${p}.valueFrom`));
  });
  return errs;
}

function validateValueFrom(ev: Json, path: string): FieldError[] {
  const vf = ev?.valueFrom;
  if (!isObj(vf)) return [];
  const errs: FieldError[] = [];
  let n = 0;
  if (isObj(vf.fieldRef)) {
    n++;
    errs.push(...validateObjectFieldSelector(vf.fieldRef, envFieldPaths, `${path}.fieldRef`));
  }
  if (isObj(vf.resourceFieldRef)) {
    n++;
    errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, `${path}.resourceFieldRef`, false));
  }
  if (isObj(vf.configMapKeyRef)) {
    n++;
    errs.push(...validateKeySelector(vf.configMapKeyRef, `${path}.configMapKeyRef`));
  }
  if (isObj(vf.secretKeyRef)) {
    n++;
    errs.push(...validateKeySelector(vf.secretKeyRef, `${path}.secretKeyRef`));
  }
  if (n === 0)
    errs.push(fieldErr.invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (str(ev.value)) errs.push(fieldErr.invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(fieldErr.invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

/** validateObjectFieldSelector against the allowed field paths (env or volume flavour). */
export function validateObjectFieldSelector(fs: Json, allowed: string[], path: string): FieldError[] {
  const apiVersion = str(fs.apiVersion);
  const fieldPath = str(fs.fieldPath);
  if (!apiVersion) return [fieldErr.required(`${path}.apiVersion`)];
  if (!fieldPath) return [fieldErr.required(`${path}.fieldPath`)];
  const sub = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/.exec(fieldPath);
  const err = apiVersion !== 'v1' ? `unsupported pod version: ${apiVersion}` : !sub && !convertible.has(fieldPath) ? `field label not supported: ${fieldPath}` : '';
  if (err) return [fieldErr.invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: ${err}`)];
  if (sub) {
    const key = sub[2]!;
    return qualifiedName(path, sub[1] === 'metadata.annotations' ? key.toLowerCase() : key);
  }
  return allowed.includes(fieldPath) ? [] : [fieldErr.notSupported(`${path}.fieldPath`, fieldPath, allowed)];
}

const cpuDivisors = ['1m', '1'];
const byteDivisors = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** validateContainerResourceFieldSelector (+ divisor). */
export function validateResourceFieldSelector(fs: Json, path: string, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const resource = str(fs.resource);
  if (volume && !str(fs.containerName)) errs.push(fieldErr.required(`${path}.containerName`));
  else if (!resource) errs.push(fieldErr.required(`${path}.resource`));
  else if (!resourceFieldPaths.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource))
    errs.push(fieldErr.notSupported(`${path}.resource`, resource, resourceFieldPaths));
  let text = '';
  try {
    const q = fs.divisor == null ? undefined : parseQuantity(fs.divisor);
    if (q && q.nanos !== 0n) text = formatQuantity(q);
  } catch {
    /* the decoder reports bad quantities */
  }
  if (text) {
    const kind = resource.endsWith('.cpu') ? 'cpu' : resource.endsWith('.memory') ? 'memory' : resource.endsWith('.ephemeral-storage') ? 'local ephemeral storage' : /hugepages-/.test(resource) ? 'hugepages' : '';
    const ok = kind === 'cpu' ? cpuDivisors.includes(text) : kind ? byteDivisors.includes(text) : true;
    if (!ok)
      errs.push(
        fieldErr.invalid(
          `${path}.divisor`,
          resource,
          kind === 'cpu'
            ? "only divisor's values 1m and 1 are supported with the cpu resource"
            : `only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the ${kind} resource`,
        ),
      );
  }
  return errs;
}

// validateConfigMapKeySelector / validateSecretKeySelector: same rules.
function validateKeySelector(s: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s.name);
  for (const m of nameIsDNSSubdomain(name, false)) errs.push(fieldErr.invalid(`${path}.name`, name, m));
  const key = str(s.key);
  if (!key) errs.push(fieldErr.required(`${path}.key`));
  else for (const m of isConfigMapKey(key)) errs.push(fieldErr.invalid(`${path}.key`, key, m));
  return errs;
}

/** ValidateEnvFrom. */
export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(envFrom).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    const prefix = str(ev?.prefix);
    if (prefix) for (const m of isRelaxedEnvVarName(prefix)) errs.push(fieldErr.invalid(`${p}.prefix`, prefix, m));
    let n = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      if (!isObj(ev?.[key])) continue;
      n++;
      const name = str(ev[key].name);
      if (!name) errs.push(fieldErr.required(`${p}.${key}.name`));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(fieldErr.invalid(`${p}.${key}.name`, name, m));
    }
    if (n === 0) errs.push(fieldErr.invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(fieldErr.invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
