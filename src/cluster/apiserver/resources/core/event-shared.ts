/**
 * What core/v1 and events.k8s.io/v1 Events share: the internal (core/v1-shaped) view, the legacy
 * validation (pkg/apis/core/validation/events.go) and the printer row (printers.go printEvent).
 */
import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { isDNS1123Subdomain, isQualifiedName } from '../../../api/validation';
import { col, nameColumn } from '../common';
import { invalidEach, str, type Json } from './helpers';

/** An events.k8s.io/v1 Event seen through core/v1 JSON field names, which all shared code reads. */
export function toCoreEvent(e: KObject): KObject {
  return {
    ...e,
    involvedObject: e.regarding ?? {},
    related: e.related,
    message: e.note,
    source: e.deprecatedSource ?? {},
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    reportingComponent: e.reportingController,
  };
}

const set = (v: unknown) => v !== undefined && v !== null && v !== '';

/** legacyValidateEvent: namespace agreement and, for new-style events, the reporting fields. */
export function legacyValidateEvent(e: Json): FieldError[] {
  const errs: FieldError[] = [];
  const ns = str(e.metadata?.namespace);
  const involvedNs = str(e.involvedObject?.namespace);
  const mismatch = () => fieldErr.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace');
  if (!set(e.eventTime)) {
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(mismatch());
    } else if (ns !== involvedNs) errs.push(mismatch());
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const rc = str(e.reportingComponent); // core/v1's JSON name for ReportingController
    if (!rc) errs.push(fieldErr.required('reportingController', ''));
    errs.push(...invalidEach('reportingController', rc, isQualifiedName(rc)));
    const ri = str(e.reportingInstance);
    if (!ri) errs.push(fieldErr.required('reportingInstance', ''));
    if (ri.length > 128) errs.push(fieldErr.invalid('reportingInstance', '', 'can have at most 128 characters'));
    const action = str(e.action);
    if (!action) errs.push(fieldErr.required('action', ''));
    if (action.length > 128) errs.push(fieldErr.invalid('action', '', 'can have at most 128 characters'));
    const reason = str(e.reason);
    if (!reason) errs.push(fieldErr.required('reason', ''));
    if (reason.length > 128) errs.push(fieldErr.invalid('reason', '', 'can have at most 128 characters'));
    if (str(e.message).length > 1024) errs.push(fieldErr.invalid('message', '', 'can have at most 1024 characters'));
  }
  errs.push(...invalidEach('namespace', ns, isDNS1123Subdomain(ns)));
  return errs;
}

/** The stricter create checks events.k8s.io/v1 adds (ValidateEventCreate for new API versions). */
export function strictValidateEvent(e: Json): FieldError[] {
  const errs = legacyValidateEvent(e);
  if (e.series) {
    if ((e.series.count ?? 0) < 2) errs.push(fieldErr.invalid('series.count', '', 'should be at least 2'));
    if (!set(e.series.lastObservedTime)) errs.push(fieldErr.required('series.lastObservedTime', ''));
  }
  if (!set(e.eventTime)) errs.push(fieldErr.required('eventTime', ''));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(fieldErr.invalid('type', '', `has invalid value: ${str(e.type)}`));
  if (set(e.firstTimestamp)) errs.push(fieldErr.invalid('firstTimestamp', '', 'needs to be unset'));
  if (set(e.lastTimestamp)) errs.push(fieldErr.invalid('lastTimestamp', '', 'needs to be unset'));
  if (e.count) errs.push(fieldErr.invalid('count', '', 'needs to be unset'));
  if (str(e.source?.component) || str(e.source?.host)) errs.push(fieldErr.invalid('source', '', 'needs to be unset'));
  return errs;
}

/** ValidateEventUpdate's immutability checks for the scalar fields (internal field names). */
export function eventUpdateErrors(e: Json, old: Json): FieldError[] {
  const errs: FieldError[] = [];
  const scalars: [string, string][] = [
    ['reason', 'reason'],
    ['message', 'message'],
    ['count', 'count'],
    ['type', 'type'],
    ['action', 'action'],
    ['reportingComponent', 'reportingController'],
    ['reportingInstance', 'reportingInstance'],
  ];
  if (JSON.stringify(e.involvedObject ?? {}) !== JSON.stringify(old.involvedObject ?? {}))
    errs.push(fieldErr.forbidden('involvedObject', 'field is immutable'));
  for (const [key, path] of scalars) if ((e[key] ?? '') !== (old[key] ?? '')) errs.push(fieldErr.immutable(path, e[key] ?? ''));
  return errs;
}

/** Columns of printEvent, in the interleaved order the wide table uses. */
export const eventColumns = [
  col('Last Seen', 'string', 0, 'The time at which the most recent occurrence of this event was recorded.'),
  col('Type', 'string', 0, 'Type of this event (Normal, Warning), new types could be added in the future'),
  col('Reason', 'string', 0, "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  col('Object', 'string', 0, 'The object that this event is about.'),
  col('Subobject', 'string', 1, 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].'),
  col('Source', 'string', 1, 'The component reporting this event. Should be a short machine understandable string.'),
  col('Message', 'string', 0, 'A human-readable description of the status of this operation.'),
  col('First Seen', 'string', 1, 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
  col('Count', 'string', 1, 'The number of times this event has occurred.'),
  { ...nameColumn, priority: 1 as const },
];

/** printEvent over a core/v1-shaped event. */
export function eventRow(e: KObject, now: number): unknown[] {
  const first = set(e.firstTimestamp) ? translateTimestampSince(e.firstTimestamp, now) : translateTimestampSince(e.eventTime, now);
  let last = set(e.lastTimestamp) ? translateTimestampSince(e.lastTimestamp, now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) count = 1; // singleton events have no count in the new API
  const inv = e.involvedObject ?? {};
  const kind = str(inv.kind).toLowerCase();
  const target = str(inv.name) ? `${kind}/${inv.name}` : kind;
  const component = str(e.source?.component) || str(e.reportingComponent);
  const instance = str(e.source?.host) || str(e.reportingInstance);
  const source = instance ? `${component}, ${instance}` : component;
  return [last, str(e.type), str(e.reason), target, str(inv.fieldPath), source, str(e.message).trim(), first, count, e.metadata.name];
}
