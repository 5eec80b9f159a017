/** `kubectl create quota` (pkg/cmd/create/create_quota.go): --hard resource=quantity pairs and --scopes. */
import type { Command } from '../../cli/command';
import { formatQuantity, parseQuantity } from '../../../cluster/api/quantity';
import type { Obj } from '../../util/manifest';
import { createGenerated, enforcedNamespace, generatorFlags, nameFromArgs } from './generate';

/** populateResourceListV1: `cpu=1,memory=1Gi`; quantities print in their canonical form. */
export function hardLimits(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    out[parts[0]] = formatQuantity(parseQuantity(parts[1]));
  }
  return out;
}

/** parseScopes: not checked against the known scopes (the API server does that). */
export function quotaScopes(spec: string): string[] | undefined {
  if (!spec) return undefined;
  const scopes = spec.split(',');
  if (scopes.includes('')) throw new Error('invalid resource quota scope ""');
  return scopes;
}

export const quota: Command = {
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  use: 'create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  flags: [
    ...generatorFlags(),
    { name: 'hard', type: 'string', usage: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'scopes', type: 'string', usage: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    if (!name) throw new Error('name must be specified');
    const ns = enforcedNamespace(cmd);
    const hard = hardLimits(cmd.str('hard'));
    const scopes = quotaScopes(cmd.str('scopes'));
    const obj: Obj = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) } as never,
      spec: { ...(hard && Object.keys(hard).length ? { hard } : {}), ...(scopes ? { scopes } : {}) },
      status: {},
    };
    await createGenerated(cmd, obj, { resource: 'resourcequotas', failPrefix: 'failed to create quota: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};
