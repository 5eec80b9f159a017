import { describe, expect, it } from 'vitest';
import { podCIDRFor } from './nodes';

describe('node pod CIDRs', () => {
  it('the first 256 nodes get kubeadm-style /24s under 10.244.0.0/16', () => {
    expect(podCIDRFor(0)).toBe('10.244.0.0/24');
    expect(podCIDRFor(255)).toBe('10.244.255.0/24');
  });
  it('larger clusters get distinct, valid /24s (5,000 nodes, issue 3 benchmark size)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const cidr = podCIDRFor(i);
      expect(cidr).toMatch(/^10\.(\d{1,3})\.(\d{1,3})\.0\/24$/);
      const [, b, c] = cidr.match(/^10\.(\d+)\.(\d+)/)!.map(Number);
      expect(b).toBeLessThanOrEqual(255);
      expect(c).toBeLessThanOrEqual(255);
      seen.add(cidr);
    }
    expect(seen.size).toBe(5000);
  });
});
