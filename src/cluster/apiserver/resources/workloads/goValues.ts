/**
 * Go `%#v` renderings of the structured "bad values" that workload validation puts into field
 * errors (apimachinery field.Error.ErrorBody dereferences pointers, then prints `%#v` for types
 * without a value-receiver String()). Only the shapes these validators report are covered.
 */
import { FieldErrorType, type FieldError } from '../../../api/errors';
import type { LabelSelectorLike } from '../../../api/validation';

// Go prints a non-nil pointer inside a struct as its address; any fixed address reads the same to a user.
const ADDRESS = '0xc000010000';

/** `(*T)(nil)` or `(*T)(0xc…)`: a pointer field inside a struct printed with %#v. */
export const goPtr = (type: string, v: unknown): string =>
  v === undefined || v === null ? `(*${type})(nil)` : `(*${type})(${ADDRESS})`;

/** A Go string literal (`%q`). */
export const goQuote = (s: unknown): string => JSON.stringify(typeof s === 'string' ? s : '');

/** `map[string]string{"a":"b"}`, `map[string]string{}` or `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(', ')}}`;
}

/** `[]string{"a", "b"}` or `[]string(nil)`. */
export function goStringSlice(v: readonly string[] | undefined | null): string {
  if (v === undefined || v === null) return '[]string(nil)';
  return `[]string{${v.map(goQuote).join(', ')}}`;
}

/** intstr.IntOrString (its String() has a pointer receiver, so values print as a struct). */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

/** metav1.LabelSelector as `%#v`; a nil selector renders as the quoted "null" ErrorBody uses. */
export function goLabelSelector(sel: LabelSelectorLike | undefined | null): string {
  if (sel === undefined || sel === null) return '"null"';
  const exprs = sel.matchExpressions;
  const renderedExprs =
    exprs === undefined || exprs === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${renderedExprs}}`;
}

/** A field error whose value is already rendered (Invalid unless told otherwise). */
export function rawErr(field: string, value: string, detail: string, type: FieldErrorType = FieldErrorType.Invalid): FieldError {
  return { type, field, value, detail };
}

/** field.NotSupported with a pre-rendered value. */
export function rawNotSupported(field: string, value: string, supported: string[]): FieldError {
  return {
    type: FieldErrorType.NotSupported,
    field,
    value,
    detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  };
}

/** ValidateImmutableField with a pre-rendered new value. */
export const immutableRaw = (field: string, value: string): FieldError => rawErr(field, value, 'field is immutable');

/**
 * core.PodTemplateSpec as `%#v`, for `spec.template: … field is immutable`. The ObjectMeta part is
 * printed field by field as Go does; the (very long) PodSpec part is elided.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function goPodTemplateSpec(t: Record<string, any> | undefined | null): string {
  const m = t?.metadata ?? {};
  const meta =
    `v1.ObjectMeta{Name:${goQuote(m.name)}, GenerateName:${goQuote(m.generateName)}, Namespace:${goQuote(m.namespace)}, ` +
    `SelfLink:"", UID:${goQuote(m.uid)}, ResourceVersion:"", Generation:0, ` +
    'CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, ' +
    `DeletionGracePeriodSeconds:(*int64)(nil), Labels:${goStringMap(m.labels)}, Annotations:${goStringMap(m.annotations)}, ` +
    'OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), ManagedFields:[]v1.ManagedFieldsEntry(nil)}';
  return `core.PodTemplateSpec{ObjectMeta:${meta}, Spec:core.PodSpec{...}}`;
}
