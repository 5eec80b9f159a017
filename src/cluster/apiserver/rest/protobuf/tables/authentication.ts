import type { MessageTable } from '../schema';

/**
 * Protobuf layout of authentication.k8s.io/v1 TokenRequest (what `kubectl create token` POSTs),
 * field numbers from the upstream generated.proto (k8s.io/api); see schema.ts for the flags.
 */
export const authenticationMessages: Record<string, MessageTable> = {
  'authentication.v1.TokenRequest': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'authentication.v1.TokenRequestSpec', 'z'], 3: ['status', 'authentication.v1.TokenRequestStatus'] },
  'authentication.v1.TokenRequestSpec': { 1: ['audiences', 'string', 'r'], 3: ['boundObjectRef', 'authentication.v1.BoundObjectReference'], 4: ['expirationSeconds', 'int64'] },
  'authentication.v1.BoundObjectReference': { 1: ['kind', 'string'], 2: ['apiVersion', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'] },
  'authentication.v1.TokenRequestStatus': { 1: ['token', 'string', 'z'], 2: ['expirationTimestamp', 'meta.v1.Time', 'z'] },
};
