/**
 * `kubectl explain` (pkg/cmd/explain + pkg/explain/v2): resolve `RESOURCE[.field…]` through
 * discovery, fetch that group-version's OpenAPI v3 document (`/openapi/v3` index, then its
 * serverRelativeURL) and render kubectl's plaintext template.
 */
import type { Command, Cmd } from '../cli/command';
import { groupResourceString, type ApiResource } from '../discovery/types';
import { NoResourceMatchError } from '../errors';
import { ExplainError, renderExplain, type Gvr } from '../explain/render';

/** jsonPathParse's field nodes for `a.b.c` (a trailing dot is dropped; `..` is recursive descent). */
function fieldNodes(s: string): string[] {
  return s.replace(/\.$/, '').split('.').filter((x) => x !== '');
}

async function resolve(cmd: Cmd, arg: string): Promise<{ gvr: ApiResource; fields: string[] }> {
  const nodes = fieldNodes(arg);
  const resource = nodes[0] ?? '';
  const mapper = await cmd.mapper();
  let gvrs = mapper.resourcesFor(resource);
  if (!gvrs.length && (await cmd.refreshMapper())) gvrs = (await cmd.mapper()).resourcesFor(resource);
  if (!gvrs.length) throw new NoResourceMatchError(resource.toLowerCase());
  if (cmd.str('api-version')) return { gvr: gvrs[0], fields: nodes.slice(1) };
  // SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` names the group.
  for (const g of gvrs) {
    const gr = groupResourceString(g);
    if (arg.startsWith(gr)) return { gvr: g, fields: fieldNodes(arg.slice(gr.length)) };
  }
  return { gvr: gvrs[0], fields: nodes.slice(1) };
}

async function run(cmd: Cmd): Promise<void> {
  if (cmd.args.length === 0) throw new Error('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  if (cmd.args.length > 1) throw new Error('We accept only this format: explain RESOURCE\n');
  const { gvr: m, fields } = await resolve(cmd, cmd.args[0]);
  const format = cmd.str('output') || 'plaintext';
  if (format === 'plaintext-openapiv2') throw new Error('plaintext-openapiv2 output is not supported by kubeplay (the server serves OpenAPI v3)');
  const gvr: Gvr = { group: m.group, version: m.version, resource: m.resource };
  const av = cmd.str('api-version');
  if (av) {
    const i = av.indexOf('/');
    if (av.split('/').length > 2) throw new Error(`unexpected GroupVersion string: ${av}`);
    [gvr.group, gvr.version] = i >= 0 ? [av.slice(0, i), av.slice(i + 1)] : ['', av];
  }
  if (format !== 'plaintext') throw new Error(`unrecognized format: ${format}`);
  const index = await cmd.client.call<{ paths?: Record<string, { serverRelativeURL?: string }> }>({ path: '/openapi/v3' });
  const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const entry = index.paths?.[key];
  if (!entry) throw new Error(`couldn't find resource for "${gvr.group}/${gvr.version}, Resource=${gvr.resource}"`);
  const url = entry.serverRelativeURL ?? `/openapi/v3/${key}`;
  const q = url.indexOf('?');
  const query = q >= 0 ? Object.fromEntries(new URLSearchParams(url.slice(q + 1))) : {};
  const doc = await cmd.client.call<Record<string, unknown>>({ path: q >= 0 ? url.slice(0, q) : url, query });
  try {
    renderExplain(doc, gvr, fields, cmd.bool('recursive'), (s) => cmd.out(s));
  } catch (e) {
    if (e instanceof ExplainError) throw new Error(e.message);
    throw e;
  }
}

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run,
};
