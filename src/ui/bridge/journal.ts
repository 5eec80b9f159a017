/**
 * The commands a restart replays. Every command that reached the API is kept, in order, at the
 * simulated time it ran — refused ones and dry runs too, because the API drew ids for them and a
 * replay must draw the same — but only the ones that changed something count as the person's work.
 */
import type { Landed } from '../../protocol/errors';
import type { JournalEntry, MutatingRequest, RestRequestData } from '../../protocol/messages';
import type { AuditEntry } from '../../protocol/views';

/** `?dryRun=All`, or DeleteOptions `{"dryRun":["All"]}` in a DELETE body (how kubectl sends it). */
export function isDryRun(req: RestRequestData): boolean {
  if (req.query.dryRun === 'All') return true;
  if (!req.body || !req.body.includes('dryRun')) return false;
  try {
    const dry = (JSON.parse(req.body) as { dryRun?: unknown }).dryRun;
    return Array.isArray(dry) && dry.includes('All');
  } catch {
    return false;
  }
}

/** Whether a command that was answered changed the cluster. */
export function changedBy(r: MutatingRequest, res: unknown): boolean {
  if (r.type === 'rest.request') return (res as { status: number }).status < 400 && !isDryRun(r.req);
  return ((res as { audit?: AuditEntry[] }).audit ?? []).some((a) => a.status < 400);
}

export class Journal {
  private list: JournalEntry[] = [];

  /** A command the worker answered. */
  answered(r: MutatingRequest, res: unknown): void {
    this.list.push({ at: (res as { at: number }).at, request: r, changed: changedBy(r, res) });
  }

  /** A command the worker refused after it reached the API (`landed` comes with the error). */
  refused(r: MutatingRequest, landed: Landed): void {
    this.list.push({ at: landed.at, request: r, changed: landed.changed });
  }

  get entries(): readonly JournalEntry[] {
    return this.list;
  }

  /** The person's changes: what a restart brings back. */
  get changes(): number {
    let n = 0;
    for (const e of this.list) if (e.changed) n++;
    return n;
  }
}
