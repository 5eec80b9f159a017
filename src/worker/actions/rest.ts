/**
 * The board's own API client: every action is an ordinary Kubernetes REST request through the
 * same handler kubectl reaches, so it meets the same defaulting, admission and validation, and
 * shows up in the event feed like any other request.
 */
import type { Cluster } from '../../cluster/cluster';
import type { AuditEntry } from '../../protocol/views';
import type { Feed } from '../feed/feed';

export const MERGE = 'application/merge-patch+json';
export const STRATEGIC = 'application/strategic-merge-patch+json';
const JSON_CT = 'application/json';

/** A failed request, carrying the Status code and reason the API answered with. */
export class ApiRequestError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: number,
    readonly reason: string,
  ) {
    super(message);
  }
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  contentType?: string;
  query?: Record<string, string>;
  /** Shown in the event feed (`cordon node worker-2`); reads are not recorded. */
  summary?: string;
}

export class BoardClient {
  /** Audit entries of the current action (the action's result carries them). */
  readonly made: AuditEntry[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly feed: Feed,
    private readonly source = 'board',
  ) {}

  /** Sends one request; returns the decoded body, or throws ApiRequestError for a non-2xx answer. */
  call<T = Record<string, unknown>>(c: Call): T {
    const res = this.cluster.rest({
      method: c.method,
      path: c.path,
      query: c.query ?? {},
      accept: JSON_CT,
      contentType: c.body === undefined ? undefined : (c.contentType ?? JSON_CT),
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
    });
    if (res.kind !== 'reply') throw new Error(`unexpected stream from ${c.method} ${c.path}`);
    let body: Record<string, unknown> = {};
    try {
      body = res.body ? JSON.parse(res.body) : {};
    } catch {
      /* text replies (logs) are not used by the board */
    }
    const failed = res.status >= 400;
    if (c.method !== 'GET') {
      const entry = this.feed.noteAudit({
        at: this.cluster.clock.now(),
        source: this.source,
        method: c.method,
        path: c.path + (c.query && Object.keys(c.query).length ? `?${new URLSearchParams(c.query)}` : ''),
        status: res.status,
        summary: c.summary ?? `${c.method} ${c.path}`,
        ...(failed ? { error: String(body.message ?? res.body) } : {}),
      });
      this.made.push(entry);
    }
    if (failed) throw new ApiRequestError(String(body.message ?? `request failed with ${res.status}`), res.status, String(body.reason ?? ''));
    return body as T;
  }
}

/** `/api/v1/namespaces/<ns>/pods/<name>` and friends. */
export function objectPath(group: string, version: string, plural: string, namespace: string | undefined, name: string, sub = ''): string {
  const root = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${plural}/${encodeURIComponent(name)}${sub ? `/${sub}` : ''}`;
}
