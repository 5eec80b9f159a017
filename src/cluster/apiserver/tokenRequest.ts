/**
 * POST serviceaccounts/<name>/token (authentication.k8s.io/v1 TokenRequest), what `kubectl create
 * token` calls. The answer has upstream's shape: defaults (1 h, the cluster's audience), the
 * duration checks, bound-object checks and a JWT whose claims are the ones kube-apiserver 1.32
 * puts in. Nothing in kubeplay verifies tokens, so the RS256 signature is simulated: 256 bytes
 * from the seeded RNG's own stream, deterministic like everything else.
 */
import { apiErrors, fieldErr, type FieldError } from '../api/errors';
import type { KObject } from '../api/types';
import { rfc3339 } from '../sim/clock';
import type { Rng } from '../sim/rng';
import { uuid } from '../sim/ids';
import { base64Utf8 } from './resources/core/secret';
import type { ApiServer } from './server';

export const TOKEN_AUDIENCE = 'https://kubernetes.default.svc.cluster.local';
const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const DEFAULT_SECONDS = 3600;

const streams = new WeakMap<ApiServer, Rng>();
const b64url = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jsonPart = (o: unknown) => b64url(base64Utf8(JSON.stringify(o)));

function randomPart(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += String.fromCharCode(rng.int(256));
  return b64url(btoa(s));
}

/** Where a token may be bound (kubectl's --bound-object-kind): the store key of each kind. */
const BOUND_KINDS: Record<string, string> = { Pod: 'pods', Secret: 'secrets', Node: 'nodes' };

export function issueToken(api: ApiServer, ns: string, name: string, body: KObject | undefined, rng: Rng): KObject {
  const sa = api.store.get('serviceaccounts', ns, name);
  if (!sa) throw apiErrors.notFound('serviceaccounts', '', name);
  const spec = (body?.spec ?? {}) as { audiences?: string[]; expirationSeconds?: number; boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null };
  const seconds = spec.expirationSeconds ?? DEFAULT_SECONDS;
  const errs: FieldError[] = [];
  if (seconds < 600) errs.push(fieldErr.invalid('spec.expirationSeconds', seconds, 'may not specify a duration less than 10 minutes'));
  if (seconds > 2 ** 32) errs.push(fieldErr.invalid('spec.expirationSeconds', seconds, 'may not specify a duration larger than 2^32 seconds'));
  if (errs.length) throw apiErrors.invalid('TokenRequest', 'authentication.k8s.io', name, errs);

  const claims: Record<string, unknown> = { namespace: ns, serviceaccount: { name, uid: sa.metadata.uid } };
  const ref = spec.boundObjectRef ?? undefined;
  if (ref?.kind) {
    const key = BOUND_KINDS[ref.kind];
    if (!key) throw apiErrors.badRequest(`cannot bind token for serviceaccount "${name}" to object of kind "${ref.kind}"`);
    const target = api.store.get(key, ref.kind === 'Node' ? undefined : ns, ref.name ?? '');
    if (!target) throw apiErrors.notFound(key, '', ref.name ?? '');
    if (ref.uid && ref.uid !== target.metadata.uid)
      throw apiErrors.conflict(key, '', ref.name ?? '', `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
    claims[ref.kind.toLowerCase()] = { name: target.metadata.name, uid: target.metadata.uid };
    // 1.32 (ServiceAccountTokenPodNodeInfo, beta) also names the node a bound pod runs on.
    const nodeName = ref.kind === 'Pod' ? (target.spec?.nodeName as string | undefined) : undefined;
    const node = nodeName ? api.store.get('nodes', undefined, nodeName) : undefined;
    if (node) claims.node = { name: node.metadata.name, uid: node.metadata.uid };
  }

  let stream = streams.get(api);
  if (!stream) streams.set(api, (stream = rng.fork('serviceaccount-tokens')));
  const iat = Math.floor(api.clock.now() / 1000);
  const audiences = spec.audiences?.length ? spec.audiences : [TOKEN_AUDIENCE];
  const header = { alg: 'RS256', kid: randomPartFixed(rng) };
  const payload = {
    aud: audiences,
    exp: iat + seconds,
    iat,
    iss: ISSUER,
    jti: uuid(stream),
    'kubernetes.io': claims,
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${name}`,
  };
  const token = `${jsonPart(header)}.${jsonPart(payload)}.${randomPart(stream, 256)}`;
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace: ns, creationTimestamp: null as unknown as string },
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: ref ?? null },
    status: { token, expirationTimestamp: rfc3339((iat + seconds) * 1000) },
  };
}

/** The signing key's id is the same for every token of a cluster (one key). */
function randomPartFixed(rng: Rng): string {
  return randomPart(rng.fork('serviceaccount-signing-key'), 32).slice(0, 43);
}
