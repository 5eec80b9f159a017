import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { coreServer, mutable } from './testkit';

const backend = { service: { name: 'web', port: { number: 80 } } };
const rule = (host: string, path: Record<string, unknown> = { path: '/', pathType: 'Prefix', backend }) => ({ host, http: { paths: [path] } });
const ing = (spec: KObject['spec'], extra: Partial<KObject['metadata']> = {}): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', ...extra },
  spec,
});
const ingressClass = (spec: KObject['spec'], isDefault = false): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name: 'nginx', ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  spec,
});

describe('Ingress', () => {
  it('gets the default IngressClass, generation 1 and an empty status', () => {
    const { create } = coreServer();
    create(ingressClass({ controller: 'k8s.io/ingress-nginx' }, true));
    const i = create(ing({ rules: [rule('foo.example.com')] }));
    expect([i.spec.ingressClassName, i.metadata.generation, i.status]).toEqual(['nginx', 1, {}]);
  });

  it.each<[string, KObject['spec'], unknown[]]>([
    ['one host', { ingressClassName: 'nginx', rules: [rule('foo.example.com')] }, ['web', 'nginx', 'foo.example.com', '', '80', '5s']],
    ['TLS and no class', { rules: [rule('a.io')], tls: [{ hosts: ['a.io'], secretName: 'tls' }] }, ['web', '<none>', 'a.io', '', '80, 443', '5s']],
    ['no host', { rules: [rule('')] }, ['web', '<none>', '*', '', '80', '5s']],
    ['many hosts', { rules: ['a.io', 'b.io', 'c.io', 'd.io'].map((h) => rule(h)) }, ['web', '<none>', 'a.io,b.io,c.io + 1 more...', '', '80', '5s']],
  ])('prints %s', (_n, spec, cells) => {
    const { create, row } = coreServer();
    expect(row(create(ing(spec)))).toEqual(cells);
  });

  const P = 'spec.rules[0].http.paths[0]';
  it.each<[string, KObject['spec'], string]>([
    ['requires rules or a default backend', {}, 'Ingress.networking.k8s.io "web" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'],
    ['requires a pathType', { rules: [rule('a.io', { path: '/', backend })] }, `Ingress.networking.k8s.io "web" is invalid: ${P}.pathType: Required value: pathType must be specified`],
    [
      'refuses an unknown pathType',
      { rules: [rule('a.io', { path: '/', pathType: 'Regex', backend })] },
      `Ingress.networking.k8s.io "web" is invalid: ${P}.pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
    ],
    [
      'requires absolute paths',
      { rules: [rule('a.io', { path: 'api', pathType: 'Prefix', backend })] },
      `Ingress.networking.k8s.io "web" is invalid: ${P}.path: Invalid value: "api": must be an absolute path`,
    ],
    ['refuses an IP as host', { rules: [rule('1.2.3.4')] }, 'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address'],
    [
      'requires a backend port',
      { rules: [rule('a.io', { path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } })] },
      `Ingress.networking.k8s.io "web" is invalid: ${P}.backend: Required value: port name or number is required`,
    ],
    [
      'requires a backend',
      { rules: [rule('a.io', { path: '/', pathType: 'Prefix' })] },
      `Ingress.networking.k8s.io "web" is invalid: ${P}.backend: Invalid value: "": resource or service backend is required`,
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(ing(spec)))).toBe(message);
  });

  it('refuses a class annotation that disagrees with ingressClassName on create', () => {
    const { create, errorOf } = coreServer();
    const o = ing({ ingressClassName: 'nginx', rules: [rule('a.io')] }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } });
    expect(errorOf(() => create(o))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    );
  });
});

describe('IngressClass', () => {
  it('defaults the parameters scope and prints the parameters reference', () => {
    const { create, row } = coreServer();
    const c = create(ingressClass({ controller: 'example.com/lb', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } }));
    expect(c.spec.parameters.scope).toBe('Cluster');
    expect(row(c)).toEqual(['nginx', 'example.com/lb', 'IngressParameters.k8s.example.com/external-lb', '5s']);
  });

  it.each<[string, KObject['spec'], string]>([
    ['requires a controller', {}, 'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Required value'],
    [
      'requires a domain-prefixed controller',
      { controller: 'nginx' },
      'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(ingressClass(spec)))).toBe(message);
  });

  it('refuses controller changes', () => {
    const { create, update, errorOf } = coreServer();
    const c = mutable(create(ingressClass({ controller: 'k8s.io/ingress-nginx' })));
    c.spec.controller = 'k8s.io/other';
    expect(errorOf(() => update(c))).toBe('IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "k8s.io/other": field is immutable');
  });
});

describe('NetworkPolicy', () => {
  const np = (spec: KObject['spec']): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec });
  it.each<[string, KObject['spec'], unknown[], unknown[]]>([
    ['an ingress-only policy', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 5432 }] }] }, ['Ingress'], ['np', 'app=db', '5s']],
    ['a policy with egress rules', { podSelector: {}, egress: [{}] }, ['Ingress', 'Egress'], ['np', '<none>', '5s']],
  ])('defaults policyTypes for %s and prints its selector', (_n, spec, types, cells) => {
    const { create, row } = coreServer();
    const p = create(np(spec));
    expect([p.spec.policyTypes, row(p)]).toEqual([types, cells]);
  });

  it('defaults port protocols to TCP', () => {
    const { create } = coreServer();
    expect(create(np({ podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] })).spec.ingress[0].ports[0]).toEqual({ port: 80, protocol: 'TCP' });
  });

  it.each<[string, KObject['spec'], string]>([
    ['requires a peer', { podSelector: {}, ingress: [{ from: [{}] }] }, 'NetworkPolicy.networking.k8s.io "np" is invalid: spec.ingress[0].from[0]: Required value: must specify a peer'],
    [
      'requires except to be inside cidr',
      { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['192.168.0.0/24'] } }] }] },
      'NetworkPolicy.networking.k8s.io "np" is invalid: spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`',
    ],
    [
      'refuses an unknown policy type',
      { podSelector: {}, policyTypes: ['Sideways'] },
      'NetworkPolicy.networking.k8s.io "np" is invalid: spec.policyTypes[0]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(np(spec)))).toBe(message);
  });
});

describe('Endpoints and EndpointSlices', () => {
  const ep = (subsets: unknown[]): KObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets });
  const addrs = [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }];
  it.each<[string, unknown[], string]>([
    ['no subsets', [], '<none>'],
    ['ip:port pairs', [{ addresses: addrs, ports: [{ port: 80 }] }], '10.244.1.5:80,10.244.2.7:80'],
    ['more than three', [{ addresses: addrs, ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }], '10.244.1.5:80,10.244.2.7:80,10.244.1.5:443 + 1 more...'],
    ['a headless subset without ports', [{ addresses: addrs }], '10.244.1.5,10.244.2.7'],
  ])('prints %s', (_n, subsets, cell) => {
    const { create, row } = coreServer();
    expect(row(create(ep(subsets)))).toEqual(['web', cell, '5s']);
  });

  it.each<[string, unknown[], string]>([
    ['requires addresses', [{ ports: [{ port: 80 }] }], 'Endpoints "web" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
    [
      'refuses loopback addresses',
      [{ addresses: [{ ip: '127.0.0.1' }] }],
      'Endpoints "web" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  ])('%s', (_n, subsets, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(ep(subsets)))).toBe(message);
  });

  const slice = (o: Partial<KObject>): KObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc12' }, ...o });
  it('defaults port name and protocol and prints ports and addresses', () => {
    const { create, row } = coreServer();
    const s = create(slice({ addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [{ addresses: ['10.244.1.5'] }, { addresses: ['10.244.2.7'] }] }));
    expect([s.ports, s.metadata.generation, row(s)]).toEqual([[{ port: 80, name: '', protocol: 'TCP' }], 1, ['web-abc12', 'IPv4', '80', '10.244.1.5,10.244.2.7', '5s']]);
    expect(row(create(slice({ metadata: { name: 'empty' }, addressType: 'IPv4' })))).toEqual(['empty', 'IPv4', '<unset>', '<unset>', '5s']);
  });

  it.each<[string, Partial<KObject>, string]>([
    ['requires an address type', {}, 'EndpointSlice.discovery.k8s.io "web-abc12" is invalid: addressType: Required value'],
    [
      'checks addresses against the type',
      { addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1'] }] },
      'EndpointSlice.discovery.k8s.io "web-abc12" is invalid: endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
    ],
  ])('%s', (_n, o, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(slice(o)))).toBe(message);
  });
});
