/**
 * The shape of the field-number tables in tables/*.ts. Each message maps a protobuf field number
 * to `[jsonName, type, flags?]`:
 *   type  — a scalar ('string' | 'int32' | 'int64' | 'bool' | 'bytes') or a message name such as
 *           'core.v1.Container' (group.version.Kind, with 'meta.v1', 'resource', 'intstr' for
 *           apimachinery). For a map the type is the value type; keys are always strings.
 *   flags — 'r' repeated, 'm' map<string, type>, 'i' Go-embedded with `json:",inline"` (its fields
 *           are merged into the parent object), 'z' keep zero values (the Go field is a pointer or
 *           has no omitempty, so Go's JSON would print 0/""/false).
 */
export type FieldSpec = readonly [name: string, type: string, flags?: string];

export type MessageTable = Readonly<Record<number, FieldSpec>>;
