/**
 * Security-context validation (ValidateSecurityContext and validatePodSpecSecurityContext, v1.32).
 * Privileged containers are allowed (kubeadm runs the apiserver with --allow-privileged=true).
 * Where Go prints a whole struct with %#v (pointer addresses inside), the value is approximated.
 */
import { FieldErrorType, fieldErr, type FieldError } from '../../../api/errors';
import { isInRange } from '../../../api/validation';
import { arr, isObj, localDescendingPath, str, type Json } from './validationHelpers';

const idRange = (field: string, v: unknown): FieldError[] =>
  typeof v === 'number' ? isInRange(v, 0, 2147483647).map((m) => fieldErr.invalid(field, v, m)) : [];

// %#v of a struct with pointer fields cannot be reproduced (addresses); a readable stand-in.
const structValue = (type: string, v: Json): FieldError['value'] => `${type}${JSON.stringify(v)}`;

function seccomp(sp: Json, path: string): FieldError[] {
  if (!isObj(sp)) return [];
  const errs: FieldError[] = [];
  const t = str(sp.type);
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  if (!t) errs.push(fieldErr.required(`${path}.type`, 'type is required when seccompProfile is set'));
  else if (!types.includes(t)) errs.push(fieldErr.notSupported(`${path}.type`, t, types));
  if (t === 'Localhost') {
    if (sp.localhostProfile == null) errs.push(fieldErr.required(`${path}.localhostProfile`, 'must be set when seccomp type is Localhost'));
    else errs.push(...localDescendingPath(`${path}.localhostProfile`, str(sp.localhostProfile)));
  } else if (sp.localhostProfile != null) {
    errs.push({ type: FieldErrorType.Invalid, field: `${path}.localhostProfile`, value: structValue('core.SeccompProfile', sp), detail: 'can only be set when seccomp type is Localhost' });
  }
  return errs;
}

function appArmor(p: Json, path: string): FieldError[] {
  if (!isObj(p)) return [];
  const t = str(p.type);
  const lp = p.localhostProfile;
  switch (t) {
    case 'Localhost': {
      if (lp == null) return [fieldErr.required(`${path}.localhostProfile`, 'must be set when AppArmor type is Localhost')];
      const s = str(lp);
      if (s.trim() !== s) return [fieldErr.invalid(`${path}.localhostProfile`, s, 'must not be padded with whitespace')];
      if (s === '') return [fieldErr.required(`${path}.localhostProfile`, 'must be set when AppArmor type is Localhost')];
      return s.length > 4095 ? [fieldErr.tooLong(`${path}.localhostProfile`, 4095)] : [];
    }
    case 'RuntimeDefault':
    case 'Unconfined':
      return lp == null ? [] : [fieldErr.invalid(`${path}.localhostProfile`, str(lp), 'can only be set when AppArmor type is Localhost')];
    case '':
      return [fieldErr.required(`${path}.type`, 'type is required when appArmorProfile is set')];
    default:
      return [fieldErr.notSupported(`${path}.type`, t, ['Localhost', 'RuntimeDefault', 'Unconfined'])];
  }
}

/** ValidateSecurityContext (container). */
export function validateContainerSecurityContext(sc: Json, path: string, hostUsers = true): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  errs.push(...idRange(`${path}.runAsUser`, sc.runAsUser), ...idRange(`${path}.runAsGroup`, sc.runAsGroup));
  if (sc.procMount != null) {
    if (!['Default', 'Unmasked'].includes(sc.procMount)) errs.push(fieldErr.notSupported(`${path}.procMount`, sc.procMount, ['Default', 'Unmasked']));
    if (hostUsers && sc.procMount === 'Unmasked')
      errs.push(fieldErr.invalid(`${path}.procMount`, sc.procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...seccomp(sc.seccompProfile, `${path}.seccompProfile`));
  if (sc.allowPrivilegeEscalation === false) {
    const value = structValue('core.SecurityContext', sc);
    if (sc.privileged === true)
      errs.push({ type: FieldErrorType.Invalid, field: path, value, detail: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true' });
    for (const cap of arr(sc.capabilities?.add))
      if (cap === 'CAP_SYS_ADMIN')
        errs.push({ type: FieldErrorType.Invalid, field: path, value, detail: 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN' });
  }
  return errs.concat(appArmor(sc.appArmorProfile, `${path}.appArmorProfile`));
}

const sysctlRe = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const sysctlReText = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
const isIPCSysctl = (n: string) => /^kernel\.(shm|msg)/.test(n) || n === 'kernel.sem' || n.startsWith('fs.mqueue.');

/** validatePodSpecSecurityContext (spec.securityContext plus the host-namespace flags it depends on). */
export function validatePodSecurityContext(spec: Json, path: string): FieldError[] {
  const sc = spec.securityContext;
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  errs.push(...idRange(`${path}.fsGroup`, sc.fsGroup), ...idRange(`${path}.runAsUser`, sc.runAsUser), ...idRange(`${path}.runAsGroup`, sc.runAsGroup));
  arr(sc.supplementalGroups).forEach((g, i) => errs.push(...idRange(`${path}.supplementalGroups[${i}]`, g)));
  if (spec.shareProcessNamespace === true && spec.hostPID === true)
    errs.push(fieldErr.invalid(`${path}.shareProcessNamespace`, true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  const names = new Set<string>();
  arr(sc.sysctls).forEach((s, i) => {
    const p = `${path}.sysctls[${i}].name`;
    const name = str(s?.name);
    if (!name) errs.push(fieldErr.required(p));
    else if (name.length > 253 || !sysctlRe.test(name))
      errs.push(fieldErr.invalid(p, name, `must have at most 253 characters and match regex ${sysctlReText}`));
    else if (names.has(name)) errs.push(fieldErr.duplicate(p, name));
    if (spec.hostNetwork === true && name.startsWith('net.')) errs.push(fieldErr.invalid(p, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC === true && isIPCSysctl(name)) errs.push(fieldErr.invalid(p, name, "may not be specified when 'hostIPC' is true"));
    names.add(name);
  });
  if (sc.fsGroupChangePolicy != null && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy))
    errs.push(fieldErr.notSupported(`${path}.fsGroupChangePolicy`, sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  errs.push(...seccomp(sc.seccompProfile, `${path}.seccompProfile`));
  return errs.concat(appArmor(sc.appArmorProfile, `${path}.appArmorProfile`));
}
