import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the networking types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/api @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const networkingMessages: Record<string, MessageTable> = {
  'networking.v1.HTTPIngressPath': { 1: ['path', 'string'], 2: ['backend', 'networking.v1.IngressBackend', 'z'], 3: ['pathType', 'string', 'z'] },
  'networking.v1.HTTPIngressRuleValue': { 1: ['paths', 'networking.v1.HTTPIngressPath', 'r'] },
  'networking.v1.Ingress': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'networking.v1.IngressSpec'], 3: ['status', 'networking.v1.IngressStatus'] },
  'networking.v1.IngressBackend': { 3: ['resource', 'core.v1.TypedLocalObjectReference', 'z'], 4: ['service', 'networking.v1.IngressServiceBackend', 'z'] },
  'networking.v1.IngressLoadBalancerIngress': { 1: ['ip', 'string'], 2: ['hostname', 'string'], 4: ['ports', 'networking.v1.IngressPortStatus', 'r'] },
  'networking.v1.IngressLoadBalancerStatus': { 1: ['ingress', 'networking.v1.IngressLoadBalancerIngress', 'r'] },
  'networking.v1.IngressPortStatus': { 1: ['port', 'int32', 'z'], 2: ['protocol', 'string', 'z'], 3: ['error', 'string', 'z'] },
  'networking.v1.IngressRule': { 1: ['host', 'string'], 2: ['ingressRuleValue', 'networking.v1.IngressRuleValue', 'iz'] },
  'networking.v1.IngressRuleValue': { 1: ['http', 'networking.v1.HTTPIngressRuleValue', 'z'] },
  'networking.v1.IngressServiceBackend': { 1: ['name', 'string', 'z'], 2: ['port', 'networking.v1.ServiceBackendPort'] },
  'networking.v1.IngressSpec': { 1: ['defaultBackend', 'networking.v1.IngressBackend', 'z'], 2: ['tls', 'networking.v1.IngressTLS', 'r'], 3: ['rules', 'networking.v1.IngressRule', 'r'], 4: ['ingressClassName', 'string', 'z'] },
  'networking.v1.IngressStatus': { 1: ['loadBalancer', 'networking.v1.IngressLoadBalancerStatus'] },
  'networking.v1.IngressTLS': { 1: ['hosts', 'string', 'r'], 2: ['secretName', 'string'] },
  'networking.v1.ServiceBackendPort': { 1: ['name', 'string'], 2: ['number', 'int32'] },
};
