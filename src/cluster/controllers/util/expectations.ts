/**
 * ControllerExpectations / UIDTrackingControllerExpectations (controller_utils.go, v1.32): how
 * many creates and which deletes a controller still waits to see through its watch, so it never
 * acts twice on the same shortfall. Expectations expire after 5 minutes of simulated time.
 */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  at: number;
  /** Keys (ns/name) of the pods whose deletion we wait for. */
  deleting: Set<string>;
}

export class Expectations {
  private m = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  /** True when there is nothing to wait for (no record, all observed, or expired). */
  satisfied(key: string): boolean {
    const e = this.m.get(key);
    if (!e) return true;
    return (e.add <= 0 && e.del <= 0) || this.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.m.set(key, { add: n, del: 0, at: this.now(), deleting: new Set() });
  }

  expectDeletions(key: string, podKeys: string[]): void {
    this.m.set(key, { add: 0, del: podKeys.length, at: this.now(), deleting: new Set(podKeys) });
  }

  creationObserved(key: string): void {
    const e = this.m.get(key);
    if (e) e.add--;
  }

  /** Counts a deletion only once per expected pod key. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.m.get(key);
    if (e && e.deleting.delete(podKey)) e.del--;
  }

  delete(key: string): void {
    this.m.delete(key);
  }
}
