import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { coreServer, mutable } from './testkit';

const pc = (name: string, o: Partial<KObject> = {}): KObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: 1000, ...o });

describe('PriorityClass', () => {
  it('defaults preemptionPolicy and prints value, global default and the policy', () => {
    const { create, row } = coreServer();
    const p = create(pc('high'));
    expect([p.preemptionPolicy, row(p)]).toEqual(['PreemptLowerPriority', ['high', 1000, false, '5s', 'PreemptLowerPriority']]);
  });

  it.each<[string, KObject, string]>([
    ['accepts the built-in system-cluster-critical', pc('system-cluster-critical', { value: 2000000000 }), ''],
    [
      'caps user-defined priorities',
      pc('huge', { value: 1000000001 }),
      'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    ],
    [
      'reserves the system- prefix',
      pc('system-foo'),
      "PriorityClass.scheduling.k8s.io \"system-foo\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-foo is not a known system priority class",
    ],
    [
      'checks the value of system classes',
      pc('system-node-critical', { value: 5 }),
      "PriorityClass.scheduling.k8s.io \"system-node-critical\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
    ],
    [
      'refuses an unknown preemption policy',
      pc('p', { preemptionPolicy: 'Sometimes' }),
      'PriorityClass.scheduling.k8s.io "p" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    ],
  ])('%s', (_n, o, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(o))).toBe(message);
  });

  it('allows only one global default', () => {
    const { create, update, errorOf } = coreServer();
    const a = create(pc('a', { globalDefault: true }));
    expect(errorOf(() => create(pc('b', { globalDefault: true })))).toBe(
      'priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist',
    );
    const relabel = mutable(a);
    relabel.description = 'still the default';
    expect(errorOf(() => update(relabel))).toBe('');
  });

  it('refuses value changes', () => {
    const { create, update, errorOf } = coreServer();
    const p = mutable(create(pc('high')));
    p.value = 2000;
    expect(errorOf(() => update(p))).toBe('PriorityClass.scheduling.k8s.io "high" is invalid: value: Forbidden: may not be changed in an update.');
  });
});

const G = 'rbac.authorization.k8s.io';
const role = (rules: unknown[]): KObject => ({ apiVersion: `${G}/v1`, kind: 'Role', metadata: { name: 'r' }, rules });
const rb = (o: Partial<KObject>, kind = 'RoleBinding'): KObject => ({
  apiVersion: `${G}/v1`,
  kind,
  metadata: { name: 'rb' },
  roleRef: { kind: 'ClusterRole', name: 'view' },
  ...o,
});

describe('RBAC', () => {
  it.each<[string, KObject, string]>([
    ['accepts a resource rule', role([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]), ''],
    ['requires verbs', role([{ apiGroups: [''], resources: ['pods'] }]), `Role.${G} "r" is invalid: rules[0].verbs: Required value: verbs must contain at least one value`],
    [
      'requires api groups and resources',
      role([{ verbs: ['get'] }]),
      `Role.${G} "r" is invalid: [rules[0].apiGroups: Required value: resource rules must supply at least one api group, rules[0].resources: Required value: resource rules must supply at least one resource]`,
    ],
    [
      'refuses non-resource URLs in namespaced roles',
      role([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]),
      `Role.${G} "r" is invalid: rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs`,
    ],
    ['refuses an unknown roleRef kind', rb({ roleRef: { kind: 'Foo', name: 'x' } }), `RoleBinding.${G} "rb" is invalid: roleRef.kind: Unsupported value: "Foo": supported values: "Role", "ClusterRole"`],
    [
      'binds only ClusterRoles cluster-wide',
      rb({ roleRef: { kind: 'Role', name: 'x' } }, 'ClusterRoleBinding'),
      `ClusterRoleBinding.${G} "rb" is invalid: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"`,
    ],
    [
      'requires a namespace for service accounts in cluster bindings',
      rb({ subjects: [{ kind: 'ServiceAccount', name: 'ci' }] }, 'ClusterRoleBinding'),
      `ClusterRoleBinding.${G} "rb" is invalid: subjects[0].namespace: Required value`,
    ],
    [
      'refuses an unknown subject kind',
      rb({ subjects: [{ kind: 'Robot', name: 'x' }] }),
      `RoleBinding.${G} "rb" is invalid: subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"`,
    ],
  ])('%s', (_n, o, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(o))).toBe(message);
  });

  it('defaults the roleRef and User/Group api groups and prints subjects in the wide cells', () => {
    const { create, row } = coreServer();
    const b = create(
      rb({
        subjects: [
          { kind: 'User', name: 'alice' },
          { kind: 'User', name: 'bob' },
          { kind: 'Group', name: 'devs' },
          { kind: 'ServiceAccount', name: 'ci', namespace: 'default' },
        ],
      }),
    );
    expect([b.roleRef.apiGroup, b.subjects[0].apiGroup, b.subjects[3].apiGroup]).toEqual([G, G, undefined]);
    expect(row(b)).toEqual(['rb', 'ClusterRole/view', '5s', 'alice, bob', 'devs', 'default/ci']);
  });

  it('refuses roleRef changes', () => {
    const { create, update, errorOf } = coreServer();
    const b = mutable(create(rb({})));
    b.roleRef.name = 'edit';
    expect(errorOf(() => update(b))).toBe(
      `RoleBinding.${G} "rb" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef`,
    );
  });

  it('prints roles with the default NAME / CREATED AT table', () => {
    const { create, row } = coreServer();
    const r = create(role([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]));
    expect(row(r)).toEqual(['r', r.metadata.creationTimestamp]);
  });
});

describe('Lease and ServiceAccount', () => {
  const lease = (spec: KObject['spec']): KObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-system' }, spec });
  it('prints the holder', () => {
    const { create, row } = coreServer();
    expect(row(create(lease({ holderIdentity: 'node-1', leaseDurationSeconds: 40 })))).toEqual(['node-1', 'node-1', '5s']);
  });

  it('refuses a non-positive duration', () => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(lease({ leaseDurationSeconds: 0 })))).toBe(
      'Lease.coordination.k8s.io "node-1" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    );
  });

  it('prints a service account with no secrets', () => {
    const { create, row } = coreServer();
    expect(row(create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }))).toEqual(['default', 0, '5s']);
  });
});
