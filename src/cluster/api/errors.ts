/**
 * Kubernetes API errors as data: the `Status` object and field errors, formatted exactly like
 * k8s.io/apimachinery/pkg/api/errors and pkg/util/validation/field (v1.32).
 */

/** A metav1.Status object (the body of every API error). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: { reason: string; message: string; field: string }[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** field.ErrorType values (the `reason` of a cause). */
export const FieldErrorType = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  NotFound: 'FieldValueNotFound',
  TypeInvalid: 'FieldValueTypeInvalid',
  Internal: 'InternalError',
} as const;
export type FieldErrorType = (typeof FieldErrorType)[keyof typeof FieldErrorType];

/** One field.Error: `field` is the dotted path (`spec.template.spec.containers[0].image`). */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Already-rendered "bad value" (Go-quoted string, bare number, %#v map); undefined when omitted. */
  value?: string;
  detail?: string;
}

/** Renders a value the way field.Error does in 1.32: strings quoted, numbers and bools bare, maps as %#v. */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '"null"';
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`;
    return `[]interface {}{${v.map(goValue).join(', ')}}`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.every(([, x]) => typeof x === 'string'))
      return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
    return `map[string]interface {}{${entries.map(([k, x]) => `${JSON.stringify(k)}:${goValue(x)}`).join(', ')}}`;
  }
  return String(v);
}

export const fieldErr = {
  required: (field: string, detail?: string): FieldError => ({ type: FieldErrorType.Required, field, detail }),
  invalid: (field: string, value: unknown, detail?: string): FieldError => ({
    type: FieldErrorType.Invalid,
    field,
    value: goValue(value),
    detail,
  }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: FieldErrorType.NotSupported,
    field,
    value: goValue(value),
    detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : undefined,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: FieldErrorType.Duplicate, field, value: goValue(value) }),
  forbidden: (field: string, detail: string): FieldError => ({ type: FieldErrorType.Forbidden, field, detail }),
  tooLong: (field: string, max: number): FieldError => ({
    type: FieldErrorType.TooLong,
    field,
    detail: `may not be more than ${max} bytes`,
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: FieldErrorType.TooMany,
    field,
    value: String(actual),
    detail: `must have at most ${max} items`,
  }),
  notFound: (field: string, value: unknown): FieldError => ({ type: FieldErrorType.NotFound, field, value: goValue(value) }),
  immutable: (field: string, value: unknown): FieldError => ({
    type: FieldErrorType.Invalid,
    field,
    value: goValue(value),
    detail: 'field is immutable',
  }),
};

const typeText: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  FieldValueTypeInvalid: 'Invalid value',
  InternalError: 'Internal error',
};

/** field.Error.ErrorBody(): the message without the field path. */
export function fieldErrorBody(e: FieldError): string {
  let s = typeText[e.type];
  const omitValue =
    e.type === FieldErrorType.Required ||
    e.type === FieldErrorType.Forbidden ||
    e.type === FieldErrorType.TooLong ||
    e.type === FieldErrorType.Internal;
  if (!omitValue && e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): `field: body`. */
export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** An API error carrying a Status; thrown inside the API server, caught at the transport edge. */
export class ApiError extends Error {
  constructor(public readonly status: Status) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
}

function status(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}

/** `<resource>[.<group>]`, the "qualified resource" used in messages. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const apiErrors = {
  notFound: (resource: string, group: string, name: string) =>
    status(404, 'NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, { name, group: group || undefined, kind: resource }),
  alreadyExists: (resource: string, group: string, name: string) =>
    status(409, 'AlreadyExists', `${qualifiedResource(resource, group)} "${name}" already exists`, {
      name,
      group: group || undefined,
      kind: resource,
    }),
  conflict: (resource: string, group: string, name: string, why: string) =>
    status(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`, {
      name,
      group: group || undefined,
      kind: resource,
    }),
  /** The optimistic-lock conflict (stale resourceVersion). */
  staleResourceVersion: (resource: string, group: string, name: string) =>
    apiErrors.conflict(
      resource,
      group,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    ),
  invalid: (kind: string, group: string, name: string, errs: FieldError[]) => {
    const msgs: string[] = [];
    for (const e of errs) {
      const m = fieldErrorString(e);
      if (!msgs.includes(m)) msgs.push(m);
    }
    const joined = msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
    return status(422, 'Invalid', `${qualifiedResource(kind, group)} "${name}" is invalid: ${joined}`, {
      name,
      group: group || undefined,
      kind,
      causes: errs.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
    });
  },
  badRequest: (message: string) => status(400, 'BadRequest', message),
  forbidden: (resource: string, group: string, name: string, why: string) =>
    status(403, 'Forbidden', `${qualifiedResource(resource, group)} "${name}" is forbidden: ${why}`, {
      name,
      group: group || undefined,
      kind: resource,
    }),
  methodNotAllowed: (action: string, resource: string) =>
    status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${resource}"`),
  notAcceptable: (message: string) => status(406, 'NotAcceptable', message),
  unsupportedMediaType: (contentType: string) =>
    status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`, {
      kind: contentType,
    }),
  /** A protobuf body of a kind kubeplay has no field table for (see apiserver/rest/protobuf). */
  unsupportedMediaTypeProtobuf: (detail: string) =>
    status(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (${detail})`,
    ),
  gone: (message: string) => status(410, 'Expired', message),
  tooLarge: (message = 'Request entity too large: limit is 3145728') => status(413, 'RequestEntityTooLarge', message),
  internal: (message: string) => status(500, 'InternalError', `Internal error occurred: ${message}`),
  pageNotFound: () => status(404, 'NotFound', 'the server could not find the requested resource', {}),
  tooManyRequests: (message: string) => status(429, 'TooManyRequests', message),
};
