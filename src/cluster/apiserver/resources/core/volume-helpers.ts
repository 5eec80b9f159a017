/** Shared by PersistentVolume and PersistentVolumeClaim: access modes, class lookup, quantity checks. */
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { nameIsDNSSubdomain } from '../../../api/validation';
import { arr, invalidEach, quantity, str } from './helpers';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];
export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, deduplicated. */
export function accessModesString(modes: unknown): string {
  const have = new Set(arr(modes));
  const out: string[] = [];
  if (have.has('ReadWriteOnce')) out.push('RWO');
  if (have.has('ReadOnlyMany')) out.push('ROX');
  if (have.has('ReadWriteMany')) out.push('RWX');
  if (have.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName. */
export function storageClassOf(o: KObject): string {
  const ann = o.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return str(o.spec?.storageClassName);
}

/** The per-mode checks PV and PVC specs share (each caller reports an empty list itself). */
export function validateAccessModes(modes: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const m of modes) {
    if (!ACCESS_MODES.includes(m as string)) errs.push(fieldErr.notSupported(path, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m as string)) other = true;
  }
  if (rwop && other) errs.push(fieldErr.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

/** ValidateClassName on a class field. */
export const className = (v: string, field: string): FieldError[] => invalidEach(field, v, nameIsDNSSubdomain(v, false));

/** ValidatePositiveQuantityValue: `must be greater than zero` (the value printed as its String()). */
export function positiveQuantity(v: unknown, field: string): FieldError[] {
  const q = quantity(v);
  if (!q || q.nanos > 0n) return [];
  return [fieldErr.invalid(field, String(v), 'must be greater than zero')];
}
