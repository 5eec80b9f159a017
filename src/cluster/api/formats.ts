/**
 * String-format validators of k8s.io/apimachinery/pkg/util/validation (v1.32). Each returns the
 * list of upstream messages (empty when valid), so callers can wrap them in field errors.
 * Lengths are counted in UTF-8 bytes because Go's len() does.
 */

/** Byte length of a string in UTF-8 (Go's len(s)). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else n += 3;
  }
  return n;
}

/** validation.MaxLenError: `must be no more than N characters`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** validation.RegexError: the message, optional examples, then the regex. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  // upstream appends "', " after every example and joins with " or ", hence the double spaces
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** validation.EmptyError. */
export function emptyError(): string {
  return 'must be non-empty';
}

/** validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/**
 * A validator with a fast path: `plainlyValid` is a character scan that accepts only values the
 * full check also accepts (ASCII, within length), so the common valid case returns at once; anything
 * else goes through the regular expressions, which word the messages. Names are checked on every write.
 */
function fastPath(plainlyValid: (value: string) => boolean, check: (value: string) => string[]): (value: string) => string[] {
  return (value) => (plainlyValid(value) ? [] : check(value));
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isLowerCode = (c: number) => c >= 97 && c <= 122;
const isUpperCode = (c: number) => c >= 65 && c <= 90;
const isLowerAlnumCode = (c: number) => isDigitCode(c) || isLowerCode(c);
const isAlnumCode = (c: number) => isLowerAlnumCode(c) || isUpperCode(c);
const DASH = 45;
const DOT = 46;
const UNDERSCORE = 95;

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` over value[from, to). */
function plainDNSLabel(value: string, from: number, to: number): boolean {
  if (to <= from || !isLowerAlnumCode(value.charCodeAt(from)) || !isLowerAlnumCode(value.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = value.charCodeAt(i);
    if (!isLowerAlnumCode(c) && c !== DASH) return false;
  }
  return true;
}

/** DNS-1123 subdomain over value[from, to): dot-separated labels. */
function plainDNSSubdomain(value: string, from: number, to: number): boolean {
  if (to - from > 253) return false;
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || value.charCodeAt(i) === DOT) {
      if (!plainDNSLabel(value, start, i)) return false;
      start = i + 1;
    }
  }
  return true;
}

/** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63 characters, over value[from, to). */
function plainQualifiedPart(value: string, from: number, to: number): boolean {
  if (to <= from || to - from > 63 || !isAlnumCode(value.charCodeAt(from)) || !isAlnumCode(value.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = value.charCodeAt(i);
    if (!isAlnumCode(c) && c !== DASH && c !== UNDERSCORE && c !== DOT) return false;
  }
  return true;
}

function plainQualifiedName(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return plainQualifiedPart(value, 0, value.length);
  if (value.indexOf('/', slash + 1) >= 0) return false;
  return plainDNSSubdomain(value, 0, slash) && plainQualifiedPart(value, slash + 1, value.length);
}

const plainLabelValue = (value: string) => value === '' || plainQualifiedPart(value, 0, value.length);
const plainDNS1123Label = (value: string) => value.length <= 63 && plainDNSLabel(value, 0, value.length);
const plainDNS1123Subdomain = (value: string) => plainDNSSubdomain(value, 0, value.length);
const plainDNS1035Label = (value: string) =>
  value.length <= 63 && plainDNSLabel(value, 0, value.length) && isLowerCode(value.charCodeAt(0));

const qnameCharFmt = '[A-Za-z0-9]';
const qnameExtCharFmt = '[-A-Za-z0-9_.]';
const qualifiedNameFmt = `(${qnameCharFmt}${qnameExtCharFmt}*)?${qnameCharFmt}`;
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameRe = new RegExp(`^${qualifiedNameFmt}$`);

/** IsQualifiedName: `[prefix/]name`, prefix a DNS-1123 subdomain, name ≤ 63 chars. */
export const isQualifiedName = fastPath(plainQualifiedName, function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (utf8Length(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name))
    errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
});

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueRe = new RegExp(`^${labelValueFmt}$`);

/** IsValidLabelValue: empty, or a qualified-name-like string of at most 63 chars. */
export const isValidLabelValue = fastPath(plainLabelValue, function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
});

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1123SubdomainRe = new RegExp(`^${dns1123SubdomainFmt}$`);

/** IsDNS1123Label: lowercase alphanumerics and '-', at most 63 chars (namespaces, most names). */
export const isDNS1123Label = fastPath(plainDNS1123Label, function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(value)) {
    // a valid subdomain that is not a label can only be failing because of dots
    if (dns1123SubdomainRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'));
  }
  return errs;
});

/** IsDNS1123Subdomain: dot-separated DNS-1123 labels, at most 253 chars (most object names). */
export const isDNS1123Subdomain = fastPath(plainDNS1123Subdomain, function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push(maxLenError(253));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'));
  return errs;
});

const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const dns1035LabelRe = new RegExp(`^${dns1035LabelFmt}$`);

/** IsDNS1035Label: like a DNS-1123 label but must start with a letter (service names). */
export const isDNS1035Label = fastPath(plainDNS1035Label, function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
});

const cIdentifierFmt = '[A-Za-z_][A-Za-z0-9_]*';
const cIdentifierRe = new RegExp(`^${cIdentifierFmt}$`);

/** IsCIdentifier: `[A-Za-z_][A-Za-z0-9_]*` (length not checked). */
export function isCIdentifier(value: string): string[] {
  if (cIdentifierRe.test(value)) return [];
  return [
    regexError(
      "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'",
      cIdentifierFmt,
      'my_name',
      'MY_NAME',
      'MyName',
    ),
  ];
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return [`must not be '.'`];
  if (value === '..') return [`must not be '..'`];
  if (value.startsWith('..')) return [`must not start with '..'`];
  return [];
}

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const envVarNameRe = new RegExp(`^${envVarNameFmt}$`);

/** IsEnvVarName: the strict env-var rule (used when RelaxedEnvironmentVariableValidation is off). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRe.test(value))
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        envVarNameFmt,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  return errs.concat(hasChDirPrefix(value));
}

/** IsRelaxedEnvVarName: printable ASCII except '=' — the 1.32 default (the gate is beta, on). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c > 0x7e || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

const configMapKeyFmt = '[-._a-zA-Z0-9]+';
const configMapKeyRe = new RegExp(`^${configMapKeyFmt}$`);

/** IsConfigMapKey: keys of ConfigMap/Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push(maxLenError(253));
  if (!configMapKeyRe.test(value))
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        configMapKeyFmt,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  return errs.concat(hasChDirPrefix(value));
}

/** IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsInRange: lo <= value <= hi. */
export function isInRange(value: number, lo: number, hi: number): string[] {
  return value >= lo && value <= hi ? [] : [inclusiveRangeError(lo, hi)];
}

/** IsValidPortName: IANA_SVC_NAME — ≤ 15 chars of [-a-z0-9], a letter, no '--', no edge '-'. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8Length(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** A ValidateNameFunc: returns messages for a name, or for a generateName prefix when prefix is true. */
export type NameValidator = (name: string, prefix: boolean) => string[];

// Upstream replaces the last *two* characters by "a" (name[:len-2] + "a"); kept as is.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** NameIsDNSSubdomain: the default object-name rule. */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** NameIsDNSLabel: names that must be DNS-1123 labels (namespaces, nodes' pods' hostnames…). */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** NameIsDNS1035Label: names that must be DNS-1035 labels (services). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);
