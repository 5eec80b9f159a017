/**
 * The bits of distribution/reference that pod defaulting needs: parsers.ParseImageName's tag.
 * `nginx` → `latest` (no tag and no digest), `nginx@sha256:…` → '' (digest only), unparsable → ''.
 */

const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const referenceRe = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
// A bare 64-hex string is an image ID, which ParseNormalizedNamed refuses as a name.
const identifierRe = /^[a-f0-9]{64}$/;

/** The tag ParseImageName reports: the explicit tag, `latest` when neither tag nor digest, '' on errors or digest-only. */
export function imageTag(image: string): string {
  if (identifierRe.test(image)) return '';
  const m = referenceRe.exec(image);
  if (!m || m[1]!.length > 255) return '';
  if (m[2]) return m[2];
  return m[3] ? '' : 'latest';
}

/** SetDefaults_Container's pull policy: Always for `:latest` (or no tag), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  return imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}
