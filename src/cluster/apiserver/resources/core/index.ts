import type { NameValidator } from '../../../api/validation';
import { nameIsDNS1035Label } from '../../../api/validation';
import type { ResourceDef } from '../../types';
import { endpoints } from './endpoints';
import { endpointSlices } from './endpointslice';
import { events } from './event';
import { eventsV1 } from './event-v1';
import { pathSegmentName } from './helpers';
import { ingresses } from './ingress';
import { ingressClasses } from './ingressclass';
import { leases } from './lease';
import { limitRanges } from './limitrange';
import { networkPolicies } from './networkpolicy';
import { nodes } from './node';
import { persistentVolumes } from './persistentvolume';
import { persistentVolumeClaims } from './persistentvolumeclaim';
import { priorityClasses } from './priorityclass';
import { clusterRoleBindings, clusterRoles, roleBindings, roles } from './rbac';
import { resourceQuotas } from './resourcequota';
import { secrets } from './secret';
import { services } from './service';
import { serviceAccounts } from './serviceaccount';
import { storageClasses } from './storageclass';

/** Core-area kinds in discovery order (ConfigMap and Namespace live in ../). */
export const coreResources: ResourceDef[] = [
  nodes,
  services,
  endpoints,
  secrets,
  serviceAccounts,
  events,
  persistentVolumes,
  persistentVolumeClaims,
  resourceQuotas,
  limitRanges,
  endpointSlices,
  eventsV1,
  ingresses,
  ingressClasses,
  networkPolicies,
  leases,
  priorityClasses,
  storageClasses,
  roles,
  roleBindings,
  clusterRoles,
  clusterRoleBindings,
];

/**
 * Object-name rules that differ from the default DNS-1123 subdomain, keyed by resource key
 * (`services`, `rbac.authorization.k8s.io/roles`). The generic object-meta validation should use
 * these (ResourceDef has no field for it yet); Service adds its DNS-1035 check in `validate` meanwhile.
 */
export const coreNameValidators: Record<string, NameValidator> = {
  services: nameIsDNS1035Label,
  'rbac.authorization.k8s.io/roles': pathSegmentName,
  'rbac.authorization.k8s.io/clusterroles': pathSegmentName,
  'rbac.authorization.k8s.io/rolebindings': pathSegmentName,
  'rbac.authorization.k8s.io/clusterrolebindings': pathSegmentName,
};
