/**
 * Redraw gates for the parts of a view that only inform (meters, labels, strips): they follow the
 * cluster a few times a second, not every frame, so a burst of pod changes repaints the pods and
 * little else. A change that must wait asks for another frame, so the last state always lands.
 */
export class Gate {
  private key = '';
  private at = 0;

  constructor(private readonly everyMs: number) {}

  /**
   * True when `key` differs from what was last drawn and the interval has passed (or `now` is
   * forced); otherwise false, and `again()` is called if a draw is still owed.
   */
  due(key: string, again: () => void, force = false): boolean {
    if (key === this.key) return false;
    const t = performance.now();
    if (!force && t - this.at < this.everyMs) {
      again();
      return false;
    }
    this.key = key;
    this.at = t;
    return true;
  }
}
