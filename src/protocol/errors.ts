/**
 * Errors cross the worker boundary as plain data (Error objects do not survive structured clone
 * with their class). A Kubernetes API failure keeps its HTTP code and Status reason so the UI can
 * show the same message kubectl would.
 */
export interface WireError {
  /** `ApiError`, `TypeError`, `ProtocolError`… */
  name: string;
  message: string;
  /** HTTP status code of a Kubernetes API failure (404, 409, 422…). */
  code?: number;
  /** metav1.Status reason (`NotFound`, `Conflict`, `Invalid`…). */
  reason?: string;
  stack?: string;
  /**
   * Set when a command that may change the cluster failed after reaching the API: when it ran and
   * whether any of its requests succeeded, so the UI's journal can replay it exactly.
   */
  landed?: Landed;
}

/** When a failed command ran (simulated ms) and whether part of it changed the cluster. */
export interface Landed {
  at: number;
  changed: boolean;
}

/** An Error rebuilt on the receiving side; `wire` keeps the original data. */
export class RemoteError extends Error {
  readonly code?: number;
  readonly reason?: string;
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
    this.reason = wire.reason;
  }
}

/** Any thrown value → WireError (keeps `code`/`reason` when the value has them). */
export function toWireError(e: unknown): WireError {
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; message?: unknown; code?: unknown; reason?: unknown; stack?: unknown; status?: { reason?: unknown }; landed?: Landed };
    const out: WireError = {
      name: typeof o.name === 'string' ? o.name : 'Error',
      message: typeof o.message === 'string' ? o.message : String(e),
    };
    if (typeof o.code === 'number') out.code = o.code;
    const reason = typeof o.reason === 'string' ? o.reason : o.status?.reason;
    if (typeof reason === 'string' && reason) out.reason = reason;
    if (typeof o.stack === 'string') out.stack = o.stack;
    if (o.landed && typeof o.landed.at === 'number') out.landed = { at: o.landed.at, changed: !!o.landed.changed };
    return out;
  }
  return { name: 'Error', message: String(e) };
}
