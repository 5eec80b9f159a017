import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { coreServer, mutable } from './testkit';

const svc = (spec: KObject['spec'], name = 'web'): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const web = { selector: { app: 'web' }, ports: [{ port: 80 }] };

describe('Service defaults and allocation', () => {
  it.each<[string, KObject['spec'], Record<string, unknown>]>([
    [
      'a ClusterIP service gets type, affinity, policies, families and the next cluster IP',
      web,
      {
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      },
    ],
    [
      'a NodePort service also gets a node port and externalTrafficPolicy Cluster',
      { ...web, type: 'NodePort' },
      { externalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30000 }] },
    ],
    [
      'a LoadBalancer service allocates load-balancer node ports by default',
      { ...web, type: 'LoadBalancer' },
      { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30000 }] },
    ],
    [
      'a headless service keeps None and is single-stack',
      { ...web, clusterIP: 'None' },
      { clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] },
    ],
    [
      'a headless service without selector defaults to RequireDualStack with both families',
      { clusterIP: 'None', ports: [{ port: 80 }] },
      { clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] },
    ],
    [
      'a named targetPort is kept',
      { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
      { ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] },
    ],
    [
      'ClientIP affinity gets the 3-hour timeout',
      { ...web, sessionAffinity: 'ClientIP' },
      { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
    ],
    ['a requested cluster IP is kept', { ...web, clusterIP: '10.96.0.50' }, { clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50'] }],
  ])('%s', (_n, spec, expected) => {
    const { create } = coreServer();
    expect(create(svc(spec)).spec).toMatchObject(expected);
  });

  it('an ExternalName service gets no cluster IP, families or internal policy', () => {
    const { create } = coreServer();
    const s = create(svc({ type: 'ExternalName', externalName: 'db.example.com' }));
    expect(s.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('allocates cluster IPs and node ports one after another', () => {
    const { create } = coreServer();
    const a = create(svc({ ...web, type: 'NodePort' }, 'a'));
    const b = create(svc({ ...web, type: 'NodePort' }, 'b'));
    expect([a.spec.clusterIP, a.spec.ports[0].nodePort, b.spec.clusterIP, b.spec.ports[0].nodePort]).toEqual(['10.96.0.10', 30000, '10.96.0.11', 30001]);
  });
});

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('Service validation', () => {
  it.each<[string, KObject['spec'], string]>([
    ['refuses a service without ports', { selector: { app: 'web' } }, 'Service "web" is invalid: spec.ports: Required value'],
    [
      'requires names when there are several ports',
      { ports: [{ port: 80 }, { port: 443 }] },
      'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    ],
    [
      'refuses duplicate port names',
      { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] },
      'Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"',
    ],
    [
      'refuses the same port twice',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] },
      'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ],
    [
      'refuses an out-of-range port (and its defaulted targetPort)',
      { ports: [{ port: 70000 }] },
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    ],
    [
      'refuses an unknown protocol',
      { ports: [{ port: 80, protocol: 'HTTP' }] },
      'Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
    [
      'refuses an unknown type',
      { ...web, type: 'Foo' },
      'Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [
      'forbids a nodePort on a ClusterIP service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
    ['requires externalName for ExternalName services', { type: 'ExternalName' }, 'Service "web" is invalid: spec.externalName: Required value'],
    [
      'refuses externalTrafficPolicy on a plain ClusterIP service',
      { ...web, externalTrafficPolicy: 'Local' },
      'Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ],
    [
      'refuses a malformed cluster IP before anything else',
      { ...web, clusterIP: 'abc' },
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
    [
      'refuses a cluster IP outside the service CIDR',
      { ...web, clusterIP: '10.0.0.1' },
      'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ],
    [
      'refuses a node port outside the range',
      { ...web, type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] },
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ],
    [
      'refuses dual-stack on this single-stack cluster',
      { ...web, ipFamilyPolicy: 'RequireDualStack' },
      'Service "web" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ],
    ['refuses IPv6', { ...web, ipFamilies: ['IPv6'] }, 'Service "web" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(svc(spec)))).toBe(message);
  });

  it('refuses a name that is not a DNS-1035 label', () => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(svc(web, '1web')))).toBe(`Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035}`);
  });

  it.each<[string, string]>([
    ['a cluster IP', 'spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated'],
    ['a node port', 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated'],
  ])('refuses %s that is already taken', (what, detail) => {
    const { create, errorOf } = coreServer();
    const spec =
      what === 'a cluster IP' ? { ...web, clusterIP: '10.96.0.50' } : { ...web, type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] };
    create(svc(spec, 'first'));
    expect(errorOf(() => create(svc(spec, 'second')))).toBe(`Service "second" is invalid: ${detail}`);
  });

  it('does not leak an IP when validation fails', () => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(svc({ selector: { app: 'x' } }, 'bad')))).not.toBe('');
    expect(create(svc(web)).spec.clusterIP).toBe('10.96.0.10');
  });
});

describe('Service updates', () => {
  it('refuses to change the cluster IP', () => {
    const { create, update, errorOf } = coreServer();
    const s = mutable(create(svc(web)));
    s.spec.clusterIP = '10.96.0.99';
    expect(errorOf(() => update(s))).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set');
  });

  it('keeps the allocated IP and node port when a replace omits them', () => {
    const { create, update } = coreServer();
    const s = create(svc({ ...web, type: 'NodePort' }));
    const replaced = update({ ...svc({ ...web, type: 'NodePort' }), metadata: { name: 'web', resourceVersion: s.metadata.resourceVersion } });
    expect([replaced.spec.clusterIP, replaced.spec.ports[0].nodePort]).toEqual([s.spec.clusterIP, s.spec.ports[0].nodePort]);
  });

  it('switching NodePort to ClusterIP drops and frees the node port and traffic policy', () => {
    const { create, update } = coreServer();
    const s = mutable(create(svc({ ...web, type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })));
    s.spec.type = 'ClusterIP';
    const u = update(s);
    expect([u.spec.ports[0].nodePort, u.spec.externalTrafficPolicy]).toEqual([undefined, undefined]);
    expect(create(svc({ ...web, type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'other')).spec.ports[0].nodePort).toBe(30080);
  });

  it('switching to ExternalName wipes the untouched cluster IP and frees it', () => {
    const { create, update } = coreServer();
    const s = mutable(create(svc({ ...web, clusterIP: '10.96.0.50' })));
    s.spec.type = 'ExternalName';
    s.spec.externalName = 'db.example.com';
    const u = update(s);
    expect([u.spec.clusterIP, u.spec.clusterIPs, u.spec.ipFamilies, u.spec.ipFamilyPolicy]).toEqual([undefined, undefined, undefined, undefined]);
    expect(create(svc({ ...web, clusterIP: '10.96.0.50' }, 'other')).spec.clusterIP).toBe('10.96.0.50');
  });

  it('deleting a service frees its cluster IP', () => {
    const { create, remove } = coreServer();
    const s = create(svc({ ...web, clusterIP: '10.96.0.50' }));
    remove(s);
    expect(create(svc({ ...web, clusterIP: '10.96.0.50' }, 'again')).spec.clusterIP).toBe('10.96.0.50');
  });
});

describe('Service table', () => {
  it.each<[string, KObject['spec'], unknown[]]>([
    ['ClusterIP', web, ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '5s', 'app=web']],
    ['NodePort', { ...web, type: 'NodePort' }, ['web', 'NodePort', '10.96.0.10', '<none>', '80:30000/TCP', '5s', 'app=web']],
    ['LoadBalancer without ingress', { ...web, type: 'LoadBalancer' }, ['web', 'LoadBalancer', '10.96.0.10', '<pending>', '80:30000/TCP', '5s', 'app=web']],
    ['headless', { ...web, clusterIP: 'None' }, ['web', 'ClusterIP', 'None', '<none>', '80/TCP', '5s', 'app=web']],
    ['external IPs', { ...web, externalIPs: ['203.0.113.7'] }, ['web', 'ClusterIP', '10.96.0.10', '203.0.113.7', '80/TCP', '5s', 'app=web']],
    ['ExternalName', { type: 'ExternalName', externalName: 'db.example.com' }, ['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '5s', '<none>']],
    [
      'several ports',
      { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }] },
      ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP,53/UDP', '5s', 'app=web'],
    ],
  ])('prints a %s service', (_n, spec, cells) => {
    const { create, row } = coreServer();
    expect(row(create(svc(spec)))).toEqual(cells);
  });

  it('prints load-balancer ingress addresses in full', () => {
    const { defOf, create } = coreServer();
    const s = mutable(create(svc({ ...web, type: 'LoadBalancer' })));
    s.status = { loadBalancer: { ingress: [{ hostname: 'a-very-long-hostname.elb.example.com' }, { ip: '198.51.100.1' }] } };
    expect(defOf(s).row!(s, 0)[3]).toBe('198.51.100.1,a-very-long-hostname.elb.example.com');
  });
});
