import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { immutableRaw } from './goValues';
import { nonNegative, ownerIndexer, semanticEqual } from './shared';

/** ValidateControllerRevision: data is mandatory, revision non-negative. */
export function validateControllerRevision(o: KObject): FieldError[] {
  const errs: FieldError[] = [];
  if (o.data === undefined || o.data === null) errs.push(fieldErr.required('data', 'data is mandatory'));
  errs.push(...nonNegative(o.revision, 'revision'));
  return errs;
}

// UTF-8 bytes of a string (Go's []byte(s)).
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

// The internal data is a *runtime.Unknown holding the raw JSON; %#v prints its bytes.
function goUnknown(data: unknown): string {
  const raw = utf8Bytes(JSON.stringify(data ?? null)).map((b) => `0x${b.toString(16)}`);
  return `runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{${raw.join(', ')}}, ContentEncoding:"", ContentType:"application/json"}`;
}

/** ValidateControllerRevisionUpdate: data may never change. */
export function validateControllerRevisionUpdate(o: KObject, old: KObject): FieldError[] {
  return semanticEqual(o.data, old.data) ? [] : [immutableRaw('data', goUnknown(o.data))];
}

/** `controller` cell: lowercase Kind[.group]/name of the controlling owner, else <none>. */
function controllerName(o: KObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!ref) return '<none>';
  const apiVersion = ref.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const groupKind = group ? `${ref.kind}.${group}` : (ref.kind ?? '');
  return groupKind ? `${groupKind.toLowerCase()}/${ref.name}` : ref.name;
}

/** apps/v1 ControllerRevision: immutable snapshots written by the DaemonSet and StatefulSet controllers. */
export const controllerrevisions = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  namespaced: true,
  defaults(o) {
    o.revision ??= 0; // int64 without omitempty: always serialised
  },
  validate: validateControllerRevision,
  validateUpdate: validateControllerRevisionUpdate,
  indexers: ownerIndexer,
  columns: [
    nameColumn,
    col('Controller', 'string', 0, 'Controller of the object'),
    col('Revision', 'string', 0, 'Revision indicates the revision of the state represented by Data.'),
    ageColumn,
  ],
  row: (o, now) => [o.metadata.name, controllerName(o), o.revision ?? 0, translateTimestampSince(o.metadata.creationTimestamp, now)],
});
