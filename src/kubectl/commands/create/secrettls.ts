/** `kubectl create secret tls` (pkg/cmd/create/create_secret_tls.go): a kubernetes.io/tls Secret from two PEM files. */
import type { Command, Cmd } from '../../cli/command';
import type { Obj } from '../../util/manifest';
import { secretHash } from '../../util/namehash';
import { checkKeyPair } from '../../util/x509';
import { createGenerated, enforcedNamespace, generatorFlags, nameFromArgs } from './generate';

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

/** readFile: in the browser, files are editor tabs and examples (the session's FileSource). */
async function readFile(cmd: Cmd, path: string): Promise<string> {
  const text = await cmd.files?.read(path);
  if (text === undefined) throw new Error(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return text;
}

export const secretTls: Command = {
  name: 'tls',
  short: 'Create a TLS secret',
  use: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  flags: [
    ...generatorFlags(),
    { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', usage: 'Path to private key associated with given certificate.' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const [certPath, keyPath] = [cmd.str('cert'), cmd.str('key')];
    if (!keyPath || !certPath) throw new Error('key and cert must be specified');
    const cert = await readFile(cmd, certPath);
    const key = await readFile(cmd, keyPath);
    checkKeyPair(cert, key);
    const ns = enforcedNamespace(cmd);
    const data = { 'tls.crt': b64(cert), 'tls.key': b64(key) };
    const obj: Obj = {
      apiVersion: 'v1',
      data,
      kind: 'Secret',
      metadata: { creationTimestamp: null, name: cmd.bool('append-hash') ? `${name}-${secretHash(name, 'kubernetes.io/tls', data)}` : name, ...(ns ? { namespace: ns } : {}) } as never,
      type: 'kubernetes.io/tls',
    };
    await createGenerated(cmd, obj, { resource: 'secrets', failPrefix: 'failed to create secret ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};
