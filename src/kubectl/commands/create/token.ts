/** `kubectl create token` (pkg/cmd/create/create_token.go): a TokenRequest on serviceaccounts/NAME/token. */
import type { Command } from '../../cli/command';
import { printFlags } from '../../cli/common';
import { GENERIC_FORMATS, objectPrinter } from '../../printers/output';
import type { Obj } from '../../util/manifest';
import { nameFromArgs } from './generate';

const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };
const kindList = Object.keys(BOUND_KINDS).sort().join(', ');

export const token: Command = {
  name: 'token',
  short: 'Request a service account token',
  use: 'create token SERVICE_ACCOUNT_NAME',
  flags: [
    ...printFlags,
    { name: 'audience', type: 'stringArray', usage: 'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.' },
    { name: 'duration', type: 'duration', default: 0, usage: 'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.' },
    { name: 'bound-object-kind', type: 'string', usage: `Kind of an object to bind the token to. Supported kinds are ${kindList}. If set, --bound-object-name must be provided.` },
    { name: 'bound-object-name', type: 'string', usage: 'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.' },
    { name: 'bound-object-uid', type: 'string', usage: 'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), typed: true }, GENERIC_FORMATS);
    const duration = cmd.int('duration');
    const audiences = cmd.list('audience');
    const [kind, boundName, uid] = [cmd.str('bound-object-kind'), cmd.str('bound-object-name'), cmd.str('bound-object-uid')];
    if (!name) throw new Error('service account name is required');
    if (!cmd.namespace) throw new Error('--namespace is required');
    if (duration < 0) throw new Error('--duration must be greater than or equal to 0');
    if (duration % 1000 !== 0) throw new Error('--duration cannot be expressed in units less than seconds');
    if (audiences.includes('')) throw new Error('--audience must not be an empty string');
    if (!kind) {
      if (boundName) throw new Error('--bound-object-name can only be set if --bound-object-kind is provided');
      if (uid) throw new Error('--bound-object-uid can only be set if --bound-object-kind is provided');
    } else {
      if (!(kind in BOUND_KINDS)) throw new Error(`supported --bound-object-kind values are ${kindList}`);
      if (!boundName) throw new Error('--bound-object-name is required if --bound-object-kind is provided');
    }
    const spec: Obj = {
      audiences: audiences.length ? audiences : null,
      ...(duration > 0 ? { expirationSeconds: duration / 1000 } : {}),
      ...(kind ? { boundObjectRef: { kind, apiVersion: BOUND_KINDS[kind], name: boundName, ...(uid ? { uid } : {}) } } : {}),
    };
    const request = { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status: { token: '', expirationTimestamp: null } };
    const path = `/api/v1/namespaces/${cmd.namespace}/serviceaccounts/${name}/token`;
    let response: Obj;
    try {
      response = await cmd.client.call<Obj>({ method: 'POST', path, contentType: 'application/json', body: JSON.stringify(request) });
    } catch (e) {
      throw new Error(`failed to create token: ${(e as Error).message}`);
    }
    const tokenText = String((response.status as { token?: string } | undefined)?.token ?? '');
    if (!tokenText) throw new Error('failed to create token: no token in server response');
    if (printer) cmd.out(printer.print(response));
    else cmd.out(cmd.tty ? `${tokenText}\n` : tokenText);
  },
};
