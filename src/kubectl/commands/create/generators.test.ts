/**
 * The pieces behind the create generators that the parity suite cannot isolate: the TLS key-pair
 * check, name hashes, selector and quantity conversion, the new flag kinds, and a few generators
 * run end to end against an in-process cluster (expected texts are real kubectl 1.32's output).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../cluster/cluster';
import { FlagSet } from '../../cli/flags';
import { defaultKubeconfig } from '../../config/kubeconfig';
import { KubectlSession } from '../../session';
import { EC_CERT, EC_KEY, RSA_CERT, RSA_KEY } from '../../testing/tlsFixtures';
import { inProcessTransport } from '../../transport/inprocess';
import { configMapHash, secretHash } from '../../util/namehash';
import { sha256Hex } from '../../util/sha256';
import { checkKeyPair, pemBlocks } from '../../util/x509';
import { parseIntOrString, parseToLabelSelector } from './pdb';
import { hardLimits, quotaScopes } from './quota';

const fail = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('tls.X509KeyPair checks', () => {
  it('accepts matching RSA and EC pairs', () => {
    expect(fail(() => checkKeyPair(RSA_CERT, RSA_KEY))).toBe('no error');
    expect(fail(() => checkKeyPair(EC_CERT, EC_KEY))).toBe('no error');
  });
  it("rejects pairs that do not belong together with Go's texts", () => {
    expect(fail(() => checkKeyPair(RSA_CERT, EC_KEY))).toBe('tls: private key type does not match public key type');
    // Another EC key: same type, different public point.
    const otherEc = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEII5tuSyZmi4/EyIDw4dZ9N0dCbhZuc+UabIXQ+MfBflmoAoGCCqGSM49
AwEHoUQDQgAEQscYhXu/FaodDrV11miZmKGAl+jfNMd9NAziFqAhiaydS5gMNmDC
OuX+Ai3oXq9EygyKhIKg8kQfABYvgpKzfg==
-----END EC PRIVATE KEY-----
`;
    expect(fail(() => checkKeyPair(EC_CERT, otherEc))).toBe('tls: private key does not match public key');
  });
  it('explains swapped, missing and foreign PEM blocks', () => {
    expect(fail(() => checkKeyPair(RSA_KEY, RSA_CERT))).toBe(
      'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched',
    );
    expect(fail(() => checkKeyPair('hello\n', RSA_KEY))).toBe('tls: failed to find any PEM data in certificate input');
    expect(fail(() => checkKeyPair(RSA_CERT, RSA_CERT))).toBe('tls: found a certificate rather than a key in the PEM for the private key');
    expect(fail(() => checkKeyPair(RSA_CERT, 'x'))).toBe('tls: failed to find any PEM data in key input');
    const odd = '-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n-----BEGIN BAR-----\nAAAA\n-----END BAR-----\n';
    expect(fail(() => checkKeyPair(odd, RSA_KEY))).toBe('tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO BAR]');
    expect(fail(() => checkKeyPair(RSA_CERT, odd))).toBe(
      'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [FOO BAR]',
    );
  });
  it('reports unparseable DER', () => {
    const bad = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(fail(() => checkKeyPair(bad, RSA_KEY))).toBe('x509: malformed certificate');
    const badKey = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
    expect(fail(() => checkKeyPair(RSA_CERT, badKey))).toBe('tls: failed to parse private key');
  });
  it('reads PEM blocks with headers and skips malformed base64', () => {
    const blocks = pemBlocks('junk\n-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\n\nAAEC\n-----END A-----\n-----BEGIN B-----\n!!!\n-----END B-----\n');
    expect(blocks.map((b) => [b.type, [...b.bytes]])).toEqual([['A', [0, 1, 2]]]);
  });
});

describe('--append-hash', () => {
  it('SHA-256 agrees with the standard vectors', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('a'.repeat(1000)))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
  it('gives the suffixes real kubectl gives', () => {
    expect(configMapHash('c2', {})).toBe('9tdd7khf8c');
    expect(configMapHash('c1', { a: '1', b: '<x&y>' })).toBe('d45475b4g8');
    expect(secretHash('s1', 'foo', { a: btoa('1') })).toBe('4cc26bf4gf');
  });
});

describe('generator helpers', () => {
  it('ParseToLabelSelector: equalities to matchLabels, sets to sorted matchExpressions', () => {
    expect(parseToLabelSelector('b=1,a in (y,x),!c')).toEqual({
      matchLabels: { b: '1' },
      matchExpressions: [
        { key: 'a', operator: 'In', values: ['x', 'y'] },
        { key: 'c', operator: 'DoesNotExist' },
      ],
    });
    expect(fail(() => parseToLabelSelector('a!=b'))).toBe('"!=" is not a valid label selector operator');
    expect(fail(() => parseToLabelSelector('a>1'))).toBe(`"gt" isn't supported in label selectors`);
  });
  it('intstr.Parse', () => {
    expect(parseIntOrString('007')).toBe(7);
    expect(parseIntOrString('50%')).toBe('50%');
    expect(parseIntOrString('99999999999999999999')).toBe('99999999999999999999');
  });
  it('quota --hard canonicalises quantities; --scopes refuses empty scopes', () => {
    expect(hardLimits('cpu=1000m,memory=0.5Gi,pods=2')).toEqual({ cpu: '1', memory: '512Mi', pods: '2' });
    expect(fail(() => hardLimits('cpu'))).toBe('Invalid argument syntax cpu, expected <resource>=<value>');
    expect(hardLimits('')).toBeUndefined();
    expect(fail(() => quotaScopes('a,,b'))).toBe('invalid resource quota scope ""');
  });
});

describe('flag kinds the generators need', () => {
  const fs = () =>
    new FlagSet('kubectl create clusterrole', [
      { name: 'aggregation-rule', type: 'mapStringString' },
      { name: 'value', type: 'int32' },
      { name: 'user', type: 'stringArray' },
      { name: 'user', type: 'string' },
    ]);
  it('mapStringString merges pairs across flags and trims them', () => {
    expect(fs().parse(['--aggregation-rule', 'a=1, b = 2', '--aggregation-rule=c=3']).flags['aggregation-rule']).toEqual({ a: '1', b: '2', c: '3' });
    expect(fail(() => fs().parse(['--aggregation-rule=x']))).toBe('invalid argument "x" for "--aggregation-rule" flag: malformed pair, expect string=string');
  });
  it('int32 refuses values outside 32 bits', () => {
    expect(fs().parse(['--value=-2147483648']).flags.value).toBe(-2147483648);
    expect(fail(() => fs().parse(['--value=2147483648']))).toBe('invalid argument "2147483648" for "--value" flag: strconv.ParseInt: parsing "2147483648": value out of range');
  });
  it("a command's own flag shadows an inherited one of the same name", () => {
    expect(fs().parse(['--user=a', '--user=b']).flags.user).toEqual(['a', 'b']);
  });
});

describe('generators end to end (in-process cluster)', () => {
  const run = async (line: string[], files: Record<string, string> = {}) => {
    const cluster = createCluster({ seed: 1, startTime: Date.UTC(2026, 0, 1) });
    const fileSource = {
      read: (p: string) => files[p],
      list: (dir: string) => {
        const names = Object.keys(files).filter((k) => k.startsWith(`${dir}/`)).map((k) => k.slice(dir.length + 1).split('/')[0]);
        return names.length ? [...new Set(names)].sort() : undefined;
      },
    };
    const session = new KubectlSession({ transport: inProcessTransport((r) => cluster.rest(r)), now: () => cluster.clock.now(), kubeconfig: defaultKubeconfig(), files: fileSource });
    let out = '';
    let err = '';
    const code = await session.run(line, { out: (t) => (out += t), err: (t) => (err += t) });
    return { out, err, code };
  };

  it('ingress groups paths by host and TLS hosts by secret', async () => {
    const r = await run(['create', 'ingress', 'multi', '--rule=foo.com/bar*=svc:http,tls=sec', '--rule=foo.com/baz=svc2:81', '--rule=/x=s:1,tls', '--default-backend=def:80', '--dry-run=client', '-o', 'yaml']);
    expect(r.err).toBe('');
    expect(r.out).toBe(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: multi
spec:
  defaultBackend:
    service:
      name: def
      port:
        number: 80
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: http
        path: /bar
        pathType: Prefix
      - backend:
          service:
            name: svc2
            port:
              number: 81
        path: /baz
        pathType: Exact
  - http:
      paths:
      - backend:
          service:
            name: s
            port:
              number: 1
        path: /x
        pathType: Exact
  tls:
  - hosts:
    - foo.com
    secretName: sec
status:
  loadBalancer: {}
`);
  });

  it('role: one rule per API group, resolved through discovery', async () => {
    const r = await run(['create', 'role', 'r', '--verb=get', '--resource=pods,rs.apps,deploy.apps/scale', '--dry-run=client', '-o', 'yaml']);
    expect(r.out).toContain(`rules:
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - get
- apiGroups:
  - apps
  resources:
  - replicasets
  - deployments/scale
  verbs:
  - get
`);
  });

  it('--from-file with a folder adds its files (not subfolders) under their names', async () => {
    const files = { 'cfg/one.txt': '1\n', 'cfg/two.txt': '2\n', 'cfg/sub/three.txt': '3\n' };
    const r = await run(['create', 'configmap', 'd', '--from-file=cfg', '--dry-run=client', '-o', 'yaml'], files);
    expect(r.out).toBe('apiVersion: v1\ndata:\n  one.txt: |\n    1\n  two.txt: |\n    2\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: d\n');
    expect((await run(['create', 'configmap', 'd', '--from-file=k=cfg'], files)).err).toBe('error: cannot give a key name for a directory path\n');
    expect((await run(['create', 'secret', 'generic', 'd', '--from-env-file=cfg'], files)).err).toBe('error: env secret file cannot be a directory\n');
    expect((await run(['create', 'configmap', 'd', '--from-env-file=cfg'], files)).err).toBe('error: env config file cannot be a directory\n');
  });

  it('create --help lists every generator', async () => {
    const r = await run(['create', '--help']);
    const names = [...r.out.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]);
    expect(names).toEqual([
      'clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget',
      'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token',
    ]);
  });
});
