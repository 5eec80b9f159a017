import { describe, expect, it } from 'vitest';
import { apiErrors, fieldErrorString } from './errors';
import type { FieldError } from './errors';
import {
  isValidIP,
  nameIsDNS1035Label,
  validateLabels,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './validation';
import type { LabelSelectorLike, ObjectMetaLike, ObjectMetaOptions } from './validation';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const strings = (errs: FieldError[]) => errs.map(fieldErrorString);
const ns: ObjectMetaOptions = { namespaced: true };
const cluster: ObjectMetaOptions = { namespaced: false };
const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1' };

// [description, metadata, options, expected error strings]
const metaCases: [string, ObjectMetaLike, ObjectMetaOptions, string[]][] = [
  ['a plain namespaced object', { name: 'web', namespace: 'default' }, ns, []],
  ['a dotted name', { name: 'web.v1', namespace: 'default' }, ns, []],
  ['an uppercase name', { name: 'Web_1', namespace: 'default' }, ns, [`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN}`]],
  ['no name at all', { namespace: 'default' }, ns, ['metadata.name: Required value: name or generateName is required']],
  ['only generateName', { generateName: 'web-', namespace: 'default' }, ns, []],
  ['a bad generateName', { generateName: 'Web-', namespace: 'default' }, ns, [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`]],
  ['a namespaced object without namespace', { name: 'web' }, ns, ['metadata.namespace: Required value']],
  ['a bad namespace', { name: 'web', namespace: 'Bad_NS' }, ns, [`metadata.namespace: Invalid value: "Bad_NS": ${LABEL}`]],
  ['a dotted namespace', { name: 'web', namespace: 'a.b' }, ns, ['metadata.namespace: Invalid value: "a.b": must not contain dots']],
  ['a cluster-scoped object with a namespace', { name: 'n1', namespace: 'default' }, cluster, ['metadata.namespace: Forbidden: not allowed on this type']],
  ['a cluster-scoped object', { name: 'node-1' }, cluster, []],
  ['a service-style name starting with a digit', { name: '1svc', namespace: 'd' }, { namespaced: true, nameValidator: nameIsDNS1035Label }, [`metadata.name: Invalid value: "1svc": ${DNS1035}`]],
  ['a negative generation', { name: 'a', namespace: 'd', generation: -1 }, ns, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
  [
    'bad labels',
    { name: 'a', namespace: 'd', labels: { '-x': 'ok', app: 'b_' } },
    ns,
    [`metadata.labels: Invalid value: "-x": ${NAME_PART}`, `metadata.labels: Invalid value: "b_": ${LABEL_VALUE}`],
  ],
  ['annotation keys ignore case', { name: 'a', namespace: 'd', annotations: { 'Example.com/Foo': 'x' } }, ns, []],
  ['a bad annotation key', { name: 'a', namespace: 'd', annotations: { 'a b': 'x' } }, ns, [`metadata.annotations: Invalid value: "a b": ${NAME_PART}`]],
  ['annotations at exactly 256 KiB', { name: 'a', namespace: 'd', annotations: { k: 'x'.repeat(262143) } }, ns, []],
  ['annotations over 256 KiB', { name: 'a', namespace: 'd', annotations: { k: 'x'.repeat(262144) } }, ns, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
  ['a bad finalizer', { name: 'a', namespace: 'd', finalizers: ['bad finalizer'] }, ns, [`metadata.finalizers: Invalid value: "bad finalizer": ${NAME_PART}`]],
  [
    'orphan and foregroundDeletion together',
    { name: 'a', namespace: 'd', finalizers: ['orphan', 'foregroundDeletion'] },
    ns,
    ['metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set'],
  ],
  ['a complete owner reference', { name: 'a', namespace: 'd', ownerReferences: [owner] }, ns, []],
  [
    'an empty owner reference',
    { name: 'a', namespace: 'd', ownerReferences: [{}] },
    ns,
    [
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ],
  ],
  [
    'an apiVersion with two slashes',
    { name: 'a', namespace: 'd', ownerReferences: [{ ...owner, apiVersion: 'a/b/v1' }] },
    ns,
    ['metadata.ownerReferences.apiVersion: Invalid value: "a/b/v1": version must not be empty'],
  ],
  [
    'an Event as owner',
    { name: 'a', namespace: 'd', ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }] },
    ns,
    [
      'metadata.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:"v1", Kind:"Event", Name:"e", UID:"u", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: /v1, Kind=Event is disallowed from being an owner',
    ],
  ],
  [
    'two controllers',
    { name: 'a', namespace: 'd', ownerReferences: [{ ...owner, controller: true }, { ...owner, name: 'rs2', controller: true }] },
    ns,
    [
      'metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"rs", UID:"u1", Controller:(*bool)(0xc000010000), BlockOwnerDeletion:(*bool)(nil)}, v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"rs2", UID:"u1", Controller:(*bool)(0xc000010000), BlockOwnerDeletion:(*bool)(nil)}}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/rs and ReplicaSet/rs2',
    ],
  ],
];

describe('validateObjectMeta', () => {
  for (const [what, meta, opts, want] of metaCases) {
    it(`${what} gives ${want.length} error(s)`, () => expect(strings(validateObjectMeta(meta, opts))).toEqual(want));
  }
  it('uses the given path prefix', () =>
    expect(strings(validateObjectMeta({}, ns, 'spec.template.metadata'))).toEqual([
      'spec.template.metadata.name: Required value: name or generateName is required',
      'spec.template.metadata.namespace: Required value',
    ]));
  it('renders as the API server message for a bad name', () =>
    expect(apiErrors.invalid('Pod', '', 'Web_1', validateObjectMeta({ name: 'Web_1', namespace: 'default' }, ns)).status.message).toBe(
      `Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": ${SUBDOMAIN}`,
    ));
});

describe('validateLabels', () => {
  it('accepts good labels', () => expect(validateLabels({ app: 'web', 'example.com/tier': '' }, 'metadata.labels')).toEqual([]));
  it('accepts no labels', () => expect(validateLabels(undefined, 'metadata.labels')).toEqual([]));
});

// [selector, expected errors at path spec.selector]
const selectorCases: [string, LabelSelectorLike | null, string[]][] = [
  ['a nil selector', null, []],
  ['an empty selector', {}, []],
  ['matchLabels', { matchLabels: { app: 'web' } }, []],
  ['a bad matchLabels key', { matchLabels: { '-a': 'b' } }, [`spec.selector.matchLabels: Invalid value: "-a": ${NAME_PART}`]],
  ['In with values', { matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] }, []],
  [
    'In without values',
    { matchExpressions: [{ key: 'a', operator: 'In' }] },
    ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
  ],
  [
    'Exists with values',
    { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
    ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
  ],
  ['an unknown operator', { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, ['spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator']],
  ['a bad key', { matchExpressions: [{ key: 'a b', operator: 'Exists' }] }, [`spec.selector.matchExpressions[0].key: Invalid value: "a b": ${NAME_PART}`]],
  [
    'a bad value',
    { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['ok', 'b_'] }] },
    [`spec.selector.matchExpressions[0].values[1]: Invalid value: "b_": ${LABEL_VALUE}`],
  ],
];

describe('validateLabelSelector', () => {
  for (const [what, ls, want] of selectorCases) {
    it(`${what} gives ${want.length} error(s)`, () => expect(strings(validateLabelSelector(ls, 'spec.selector'))).toEqual(want));
  }
  it('can allow invalid values and unknown operators', () =>
    expect(
      validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['b_'] }] }, 'spec.selector', {
        allowInvalidLabelValueInSelector: true,
        allowUnknownOperatorInRequirement: true,
      }),
    ).toEqual([]));
});

const base: ObjectMetaLike = {
  name: 'web',
  namespace: 'default',
  uid: 'u1',
  resourceVersion: '5',
  generation: 2,
  creationTimestamp: '2025-01-01T00:00:00Z',
};

// [description, new metadata, old metadata, expected errors]
const updateCases: [string, ObjectMetaLike, ObjectMetaLike, string[]][] = [
  ['an unchanged object', base, base, []],
  ['a missing resourceVersion', { ...base, resourceVersion: '' }, base, ['metadata.resourceVersion: Invalid value: "": must be specified for an update']],
  ['a renamed object', { ...base, name: 'db' }, base, ['metadata.name: Invalid value: "db": field is immutable']],
  ['a moved object', { ...base, namespace: 'prod' }, base, ['metadata.namespace: Invalid value: "prod": field is immutable']],
  ['a new uid', { ...base, uid: 'u2' }, base, ['metadata.uid: Invalid value: "u2": field is immutable']],
  ['a decremented generation', { ...base, generation: 1 }, base, ['metadata.generation: Invalid value: 1: must not be decremented']],
  [
    'a changed creationTimestamp',
    { ...base, creationTimestamp: '2025-01-02T03:04:05Z' },
    base,
    ['metadata.creationTimestamp: Invalid value: 2025-01-02 03:04:05 +0000 UTC: field is immutable'],
  ],
  [
    'a dropped creationTimestamp',
    { ...base, creationTimestamp: undefined },
    base,
    ['metadata.creationTimestamp: Invalid value: 0001-01-01 00:00:00 +0000 UTC: field is immutable'],
  ],
  [
    'a dropped deletionTimestamp',
    { ...base, finalizers: [] },
    { ...base, deletionTimestamp: '2025-01-01T00:01:00Z', deletionGracePeriodSeconds: 30 },
    [
      'metadata.deletionTimestamp: Invalid value: "null": field is immutable',
      'metadata.deletionGracePeriodSeconds: Invalid value: "null": field is immutable',
    ],
  ],
  [
    'a finalizer added during deletion',
    { ...base, deletionTimestamp: 'x', finalizers: ['b', 'a', 'keep'] },
    { ...base, deletionTimestamp: 'x', finalizers: ['keep'] },
    ['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a", "b"}'],
  ],
  ['a removed finalizer during deletion', { ...base, deletionTimestamp: 'x' }, { ...base, deletionTimestamp: 'x', finalizers: ['keep'] }, []],
  ['a bad new label', { ...base, labels: { a: 'b_' } }, base, [`metadata.labels: Invalid value: "b_": ${LABEL_VALUE}`]],
];

describe('validateObjectMetaUpdate', () => {
  for (const [what, next, old, want] of updateCases) {
    it(`${what} gives ${want.length} error(s)`, () => expect(strings(validateObjectMetaUpdate(next, old))).toEqual(want));
  }
});

describe('isValidIP', () => {
  const cases: [string, string[]][] = [
    ['10.96.0.1', []],
    ['2001:db8::1', []],
    ['010.0.0.1', []],
    ['x', ['spec.clusterIP: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ['10.0.0.1/8', ['spec.clusterIP: Invalid value: "10.0.0.1/8": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
  ];
  for (const [ip, want] of cases) it(`"${ip}" ${want.length ? 'is rejected' : 'is valid'}`, () => expect(strings(isValidIP('spec.clusterIP', ip))).toEqual(want));
});
