/** A binary heap whose items remember their position, so they can be removed or re-sorted in O(log n). */
export interface HeapItem {
  heapIndex: number;
}

export class Heap<T extends HeapItem> {
  private a: T[] = [];

  constructor(private readonly less: (x: T, y: T) => boolean) {}

  get size(): number {
    return this.a.length;
  }

  has(x: T): boolean {
    return x.heapIndex >= 0 && this.a[x.heapIndex] === x;
  }

  peek(): T | undefined {
    return this.a[0];
  }

  values(): readonly T[] {
    return this.a;
  }

  push(x: T): void {
    x.heapIndex = this.a.length;
    this.a.push(x);
    this.up(x.heapIndex);
  }

  pop(): T | undefined {
    const top = this.a[0];
    if (top) this.removeAt(0);
    return top;
  }

  remove(x: T): boolean {
    if (!this.has(x)) return false;
    this.removeAt(x.heapIndex);
    return true;
  }

  /** Restores order after `x`'s sort key changed. */
  fix(x: T): void {
    if (!this.has(x)) return;
    if (!this.up(x.heapIndex)) this.down(x.heapIndex);
  }

  private removeAt(i: number): void {
    const a = this.a;
    const x = a[i]!;
    const last = a.pop()!;
    x.heapIndex = -1;
    if (i < a.length) {
      a[i] = last;
      last.heapIndex = i;
      if (!this.up(i)) this.down(i);
    }
  }

  private up(i: number): boolean {
    const a = this.a;
    const start = i;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      this.swap(i, p);
      i = p;
    }
    return i !== start;
  }

  private down(i: number): void {
    const a = this.a;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
      if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(i: number, j: number): void {
    const a = this.a;
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
    a[i]!.heapIndex = i;
    a[j]!.heapIndex = j;
  }
}
