/**
 * Bad input must not freeze the cluster: a Deployment asking for thousands of replicas is worked
 * through in bounded rounds (at most burstReplicas = 500 pod creates between two points where a
 * driver may take control back), not in one unbroken burst.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';

describe('a Deployment with far more replicas than the cluster can hold', () => {
  it('creates its pods in rounds of at most 500, letting the driver yield between them', () => {
    const c = createCluster({ seed: 7 });
    c.api.create(c.api.registry.get('apps', 'deployments')!, 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'huge', namespace: 'default' },
      spec: {
        replicas: 5000,
        selector: { matchLabels: { app: 'huge' } },
        template: { metadata: { labels: { app: 'huge' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    });
    let created = 0;
    c.store.watch('pods', {}, (type, o) => {
      if (type === 'ADDED' && o.metadata.labels?.app === 'huge') created++;
    });
    let last = 0;
    let largest = 0;
    const end = c.clock.now() + 5000;
    // The driver's yield check runs after every timer: record how many pods appeared since the last one.
    c.clock.advanceTo(end, () => {
      largest = Math.max(largest, created - last);
      last = created;
      return false;
    });
    expect(created).toBe(5000);
    expect(largest).toBeLessThanOrEqual(500);
    // Four nodes hold a few hundred of them; the rest wait, Pending, as on a real cluster.
    const pending = c.store.list('pods', { namespace: 'default', filter: (p) => p.metadata.labels?.app === 'huge' && p.status?.phase === 'Pending' }).items.length;
    expect(pending).toBeGreaterThan(4000);
  });
});
