/**
 * Pod IPs from a node's podCIDR, like the CNI host-local plugin: the gateway (.1) is skipped,
 * allocation continues after the last IP handed out and wraps around, so a released IP comes back
 * only after the range has been walked (deterministic, and reused eventually).
 */

function parse(cidr: string): { base: number; size: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? '');
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits < 8 || bits > 30) return undefined;
  const ip = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** (32 - bits);
  return { base: ip - (ip % size), size };
}

export const ipString = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

export class Ipam {
  private readonly base: number;
  private readonly size: number;
  private last = 1; // offsets: 0 = network, 1 = gateway, size-1 = broadcast
  private used = new Set<number>();

  /** `cidr` like 10.244.1.0/24; an unusable one yields an IPAM that never allocates. */
  constructor(readonly cidr: string) {
    const r = parse(cidr);
    this.base = r?.base ?? 0;
    this.size = r?.size ?? 0;
  }

  get valid(): boolean {
    return this.size > 0;
  }

  /** The range's gateway (`.1`): where kubelet probes come from in access logs. */
  gateway(): string {
    return ipString(this.base + 1);
  }

  allocate(): string | undefined {
    const n = this.size - 3; // usable offsets 2 … size-2
    for (let i = 0; i < n; i++) {
      const off = 2 + ((this.last - 1 + i) % n);
      if (!this.used.has(off)) {
        this.used.add(off);
        this.last = off;
        return ipString(this.base + off);
      }
    }
    return undefined;
  }

  /** Marks an IP as taken (a pod that already had it, e.g. after a kubelet restart). */
  reserve(ip: string): void {
    const off = this.offset(ip);
    if (off !== undefined) this.used.add(off);
  }

  release(ip: string): void {
    const off = this.offset(ip);
    if (off !== undefined) this.used.delete(off);
  }

  private offset(ip: string): number | undefined {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip ?? '');
    if (!m) return undefined;
    const n = ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
    const off = n - this.base;
    return off >= 0 && off < this.size ? off : undefined;
  }
}
