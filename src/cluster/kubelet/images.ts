/**
 * The simulated image registries and the containerd side of a pull: reference parsing as
 * distribution/reference normalises it (`nginx` → `docker.io/library/nginx:latest`), lookups in the
 * catalogue, and the exact CRI error texts a 1.32 kubelet on containerd 1.7 reports.
 */
import { fnv1a } from '../sim/rng';
import { CATALOG, type Family, type RepoEntry } from './imageCatalog';

/** A parsed image reference. */
export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  domain: string;
  /** Path under the domain (`library/nginx`). */
  path: string;
  /** `docker.io/library/nginx`. */
  repo: string;
  tag?: string;
  digest?: string;
  /** Fully qualified reference containerd pulls: `docker.io/library/nginx:1.27`. */
  full: string;
}

/** What the registry holds for a reference. */
export interface ResolvedImage {
  ref: ImageRef;
  entry: RepoEntry;
  family: Family;
  /** The tag's canonical tag after aliases (for sizes and digests). */
  canonicalTag: string;
  size: number;
  /** 64 hex digits (the manifest digest). */
  digest: string;
  /** `docker.io/library/nginx@sha256:…`: containerStatuses[].imageID. */
  imageID: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses like ParseNormalizedNamed + the kubelet's default tag; returns the error text on failure. */
export function parseImage(raw: string): ImageRef | { error: string } {
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { error: `couldn't parse image name "${raw}": invalid reference format` };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { error: `couldn't parse image name "${raw}": invalid reference format` };
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) domain = parts.shift()!;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (parts.some((p) => p !== p.toLowerCase())) {
    const remote = domain === 'docker.io' && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
    return { error: `couldn't parse image name "${raw}": invalid reference format: repository name (${remote}) must be lowercase` };
  }
  if (!parts.length || parts.some((p) => !COMPONENT.test(p))) return { error: `couldn't parse image name "${raw}": invalid reference format` };
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  const repo = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  const full = digest ? `${repo}${tag ? `:${tag}` : ''}@${digest}` : `${repo}:${tag}`;
  return { raw, domain, path, repo, tag, digest, full };
}

/** 64 hex digits derived from a string: stable "sha256" digests and container ids. */
export function hex64(seed: string): string {
  const parts: string[] = [];
  let h = fnv1a(seed);
  for (let i = 0; i < 8; i++) {
    h = fnv1a(`${i}:${seed}`, h);
    parts.push(h.toString(16).padStart(8, '0'));
  }
  return parts.join('');
}

function canonical(entry: RepoEntry, tag: string): string {
  return entry.alias?.[tag] ?? tag;
}

function sizeOf(entry: RepoEntry, repo: string, tag: string): number {
  const exact = entry.sizes?.[tag];
  if (exact !== undefined) return exact;
  // Keys starting with '-' size a whole tag family (`-alpine`, `-slim`).
  for (const [suffix, size] of Object.entries(entry.sizes ?? {})) if (suffix.startsWith('-') && tag.endsWith(suffix)) return size;
  // Other tags of a family differ a little from the base size (±4%), deterministically.
  const wobble = ((fnv1a(`${repo}:${tag}`) % 8001) - 4000) / 100_000;
  return Math.round(entry.size * (1 + wobble));
}

function digestOf(repo: string, canonicalTag: string): string {
  return hex64(`digest:${repo}:${canonicalTag}`);
}

const KNOWN_HOSTS = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'us-docker.pkg.dev', 'mcr.microsoft.com', 'public.ecr.aws']);

/** The registry's answer for a reference: the image, or the containerd error the kubelet wraps. */
export function resolveImage(ref: ImageRef): ResolvedImage | { error: string } {
  const entry = CATALOG[ref.repo];
  const fail = (code: string, detail: string) => ({
    error: `rpc error: code = ${code} desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${detail}`,
  });
  if (!entry) {
    if (ref.domain === 'docker.io')
      return fail('Unknown', 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    if (!KNOWN_HOSTS.has(ref.domain)) {
      const host = ref.domain.split(':')[0];
      if (host === 'localhost' || host === '127.0.0.1')
        return fail('Unknown', `failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag ?? ref.digest}": dial tcp 127.0.0.1:${ref.domain.split(':')[1] ?? '443'}: connect: connection refused`);
      return fail('Unknown', `failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag ?? ref.digest}": dial tcp: lookup ${host}: no such host`);
    }
    return fail('NotFound', `${ref.full}: not found`);
  }
  let tag = ref.tag;
  if (ref.digest) {
    const hex = ref.digest.slice('sha256:'.length);
    const match = entry.tags.find((t) => digestOf(ref.repo, canonical(entry, t)) === hex);
    if (!match || (tag && canonical(entry, tag) !== canonical(entry, match))) return fail('NotFound', `${ref.full}: not found`);
    tag = match;
  }
  if (!tag || !entry.tags.includes(tag)) return fail('NotFound', `${ref.full}: not found`);
  const canonicalTag = canonical(entry, tag);
  const digest = digestOf(ref.repo, canonicalTag);
  return {
    ref,
    entry,
    family: entry.family,
    canonicalTag,
    size: sizeOf(entry, ref.repo, canonicalTag),
    digest,
    imageID: `${ref.repo}@sha256:${digest}`,
  };
}

/** Parse + resolve in one step (for callers that only want to know what an image is). */
export function lookupImage(image: string): ResolvedImage | undefined {
  const ref = parseImage(image);
  if ('error' in ref) return undefined;
  const r = resolveImage(ref);
  return 'error' in r ? undefined : r;
}

/** The registry's manifest digest of `image` (for tests and lessons that pin images by digest). */
export function digestFor(image: string): string | undefined {
  const r = lookupImage(image);
  return r ? `sha256:${r.digest}` : undefined;
}
