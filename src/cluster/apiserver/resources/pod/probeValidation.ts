/**
 * Probe and lifecycle-hook validation (validateProbe, validateHandler, validateLifecycle, v1.32).
 * PodLifecycleSleepActionAllowZero is alpha (off) in 1.32, hence the feature-gate hint in the message.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { isValidPortName, isValidPortNum } from '../../../api/validation';
import { arr, enumValue, isObj, nonNegative, str, type Json } from './validationHelpers';

const headerNameRe = /^[-A-Za-z0-9]+$/;
const headerNameMsg =
  "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

/** ValidatePortNumOrName on an IntOrString (a missing port is the int 0). */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => fieldErr.invalid(path, port, m));
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((m) => fieldErr.invalid(path, n, m));
}

function validateHTTPGet(h: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(h.path)) errs.push(fieldErr.required(`${path}.path`));
  errs.push(...validatePortNumOrName(h.port, `${path}.port`));
  if (!['HTTP', 'HTTPS'].includes(h.scheme)) errs.push(fieldErr.notSupported(`${path}.scheme`, h.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const hd of arr(h.httpHeaders)) {
    const name = str(hd?.name);
    if (!headerNameRe.test(name)) errs.push(fieldErr.invalid(`${path}.httpHeaders`, name, headerNameMsg));
  }
  return errs;
}

/** validateHandler over the handler kinds a probe (exec/httpGet/tcpSocket/grpc) or hook (…/sleep) allows. */
function validateHandler(h: Json, kinds: string[], grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of kinds) {
    const v = h[kind];
    if (!isObj(v)) continue;
    if (n > 0) {
      errs.push(fieldErr.forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const p = `${path}.${kind}`;
    if (kind === 'exec' && arr(v.command).length === 0) errs.push(fieldErr.required(`${p}.command`));
    if (kind === 'httpGet') errs.push(...validateHTTPGet(v, p));
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, `${p}.port`));
    if (kind === 'grpc') errs.push(...validatePortNumOrName(typeof v.port === 'number' ? v.port : 0, `${p}.port`));
    if (kind === 'sleep' && grace !== undefined) {
      const s = typeof v.seconds === 'number' ? v.seconds : 0;
      if (s <= 0 || s > grace)
        errs.push(
          fieldErr.invalid(
            p,
            s,
            `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
          ),
        );
    }
  }
  if (n === 0) errs.push(fieldErr.required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(p: Json, grace: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(p, ['exec', 'httpGet', 'tcpSocket', 'grpc'], grace, path);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'])
    errs.push(...nonNegative(`${path}.${k}`, p[k]));
  const tgps = p.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0)
    errs.push(fieldErr.invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  return errs;
}

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe on a container. */
export function validateContainerProbes(c: Json, grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = c[kind];
    if (!isObj(p)) continue;
    const pp = `${path}.${kind}`;
    errs.push(...validateProbe(p, grace, pp));
    if (kind !== 'readinessProbe' && (p.successThreshold ?? 0) !== 1)
      errs.push(fieldErr.invalid(`${pp}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
    if (kind === 'readinessProbe' && p.terminationGracePeriodSeconds != null)
      errs.push(fieldErr.invalid(`${pp}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

/** validateLifecycle (postStart, preStop). */
export function validateLifecycle(lc: Json, grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'])
    if (isObj(lc?.[hook])) errs.push(...validateHandler(lc[hook], ['exec', 'httpGet', 'tcpSocket', 'sleep'], grace, `${path}.${hook}`));
  return errs;
}

/** validatePullPolicy. */
export const validatePullPolicy = (v: unknown, path: string) => enumValue(path, v, ['Always', 'IfNotPresent', 'Never']);
