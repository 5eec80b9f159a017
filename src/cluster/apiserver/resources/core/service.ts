import { nameIsDNS1035Label } from '../../../api/validation';
import type { KObject } from '../../../api/types';
import { formatLabels } from '../../../api/labels';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, str, updateChecksFirst, type Json } from './helpers';
import { allocateOnCreate, allocateOnUpdate, releaseService } from './service-alloc';
import { externallyAccessible, validateServiceSpec, validateServiceUpdateFields } from './service-validation';

/** SetDefaults_Service (core/v1). Idempotent: it runs again on every update. */
export function defaultService(o: KObject): void {
  const spec: Json = (o.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null)
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  spec.type ||= 'ClusterIP';
  for (const p of arr(spec.ports)) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ||= 'TCP';
    // targetPort 0 or "" (unset) means "same as port"
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(o) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type))
    spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    for (const ing of arr(o.status?.loadBalancer?.ingress)) if (ing?.ip && ing.ipMode == null) ing.ipMode = 'VIP';
  }
}

/** loadBalancerStatusStringer: unique ingress IPs/hostnames, sorted (the server prints wide, untruncated). */
function lbIngress(o: KObject): string {
  const set = new Set<string>();
  for (const i of arr(o.status?.loadBalancer?.ingress)) {
    if (i?.ip) set.add(i.ip);
    else if (i?.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/** getServiceExternalIP (printers.go). */
export function serviceExternalIP(o: KObject): string {
  const ext: string[] = arr(o.spec?.externalIPs);
  switch (o.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = lbIngress(o);
      if (ext.length) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(o.spec?.externalName);
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30080/TCP`, joined by commas; `<none>` when empty. */
export function servicePorts(o: KObject): string {
  const s = arr(o.spec?.ports)
    .map((p) => (p?.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p?.port}/${p?.protocol}`))
    .join(',');
  return s || '<none>';
}

/** core/v1 Service. Allocation of cluster IPs and node ports happens in the create/update hooks. */
export const services = defineResource({
  nameValidator: nameIsDNS1035Label,
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  namespaced: true,
  categories: ['all'],
  subresources: ['proxy', 'status'],
  hasStatus: true,
  defaults: defaultService,
  prepareForCreate(o, ctx) {
    o.status = { loadBalancer: {} };
    defaultService(o);
    allocateOnCreate(o, ctx);
  },
  prepareForUpdate(o, old, ctx) {
    defaultService(o);
    allocateOnUpdate(o, old, ctx);
  },
  ...updateChecksFirst('services', (o) => validateServiceSpec(o), validateServiceUpdateFields),
  afterDelete: (o, ctx) => releaseService(o, ctx.allocators),
  fieldSelectors: { 'spec.clusterIP': (o) => o.spec?.clusterIP ?? '', 'spec.type': (o) => o.spec?.type ?? '' },
  columns: [
    nameColumn,
    col('Type', 'string', 0, 'type determines how the Service is exposed.'),
    col('Cluster-IP', 'string', 0, 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'string', 0, 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'string', 0, 'The list of ports that are exposed by this service.'),
    ageColumn,
    col('Selector', 'string', 1, 'Route service traffic to pods with label keys and values matching this selector.'),
  ],
  row: (o, now) => [
    o.metadata.name,
    str(o.spec?.type),
    arr(o.spec?.clusterIPs)[0] ?? '<none>',
    serviceExternalIP(o),
    servicePorts(o),
    age(o, now),
    formatLabels(o.spec?.selector),
  ],
});
