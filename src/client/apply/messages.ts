/**
 * kubectl's words for apply outcomes and errors (kubectl pkg/cmd/util/helpers.go `checkErr`,
 * `StandardErrorMessage`, `MultilineError`; cli-runtime `AddSourceToErr`; printers NamePrinter),
 * so the editor and the in-browser kubectl print exactly what the real one prints.
 */
import type { ResourceMapping } from './discovery';
import type { Status } from './types';

/** `deployment.apps/web`, `service/web` (lowercased Kind.group). */
export function nameOf(m: Pick<ResourceMapping, 'kind' | 'group'>, name: string): string {
  return `${m.kind.toLowerCase()}${m.group ? `.${m.group}` : ''}/${name}`;
}

export type DryRun = 'none' | 'client' | 'server';

/** `deployment.apps/web configured (server dry run)` */
export function outcomeLine(m: Pick<ResourceMapping, 'kind' | 'group'>, name: string, outcome: string, dryRun: DryRun): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${nameOf(m, name)} ${outcome}${suffix}`;
}

/** The Status of a non-2xx reply (a bare one when the body is not a Status). */
export function statusOf(code: number, body: string | undefined): Status {
  try {
    const s = JSON.parse(body ?? '') as Partial<Status>;
    if (s && s.kind === 'Status') return { ...s, kind: 'Status', message: s.message ?? '', reason: s.reason ?? '', code: s.code ?? code };
  } catch {
    /* not JSON */
  }
  return { kind: 'Status', message: body?.trim() || `the server responded with ${code}`, reason: code === 404 ? 'NotFound' : '', code };
}

/** How kubectl prints a Status error that went through `AddSourceToErr` (`wrapped` is the wrapped text). */
export function kubectlErrorText(status: Status, wrapped: string): string {
  if (status.reason === 'Invalid') {
    const d = status.details ?? {};
    const head = d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid` : 'The request is invalid';
    const causes = [...new Set((d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
    if (causes.length === 0) return head;
    if (causes.length === 1) return `${head}: ${causes[0]}`;
    return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const reason = status.reason || 'Unknown';
  return `Error from server (${reason}): ${wrapped}`;
}

/** `error when creating "web.yaml": <message>` */
export function creatingError(source: string, status: Status): string {
  return kubectlErrorText(status, `error when creating "${source}": ${status.message}`);
}

/** kubectl's long form for a failed apply PATCH (it quotes the patch it sent). */
export function patchingError(source: string, status: Status, m: ResourceMapping, name: string, namespace: string, patch: string): string {
  const gv = m.group ? `${m.group}/${m.version}` : m.version;
  const wrapped =
    `error when applying patch:\n${patch}\nto:\nResource: "${gv}, Resource=${m.resource}", GroupVersionKind: "${gv}, Kind=${m.kind}"\n` +
    `Name: "${name}", Namespace: "${namespace}"\nfor: "${source}": error when patching "${source}": ${status.message}`;
  return kubectlErrorText(status, wrapped);
}

/** kubectl's warning when apply takes over an object it did not create. */
export function missingAnnotationWarning(m: ResourceMapping, name: string): string {
  return (
    `resource ${m.resource}${m.group ? `.${m.group}` : ''}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation ` +
    'which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either ' +
    'kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.'
  );
}

/** The text of an HTTP `Warning` header (`299 - "unknown field \"x\""` → `unknown field "x"`). */
export function warningText(header: string): string {
  const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(header);
  return m ? m[1].replace(/\\(.)/g, '$1') : header;
}
