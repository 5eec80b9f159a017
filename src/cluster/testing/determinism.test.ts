import { describe, expect, it } from 'vitest';
import { newTestCluster } from './testCluster';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27"}]
`;
const CRASHER = `apiVersion: v1
kind: Pod
metadata: {name: crasher}
spec:
  containers: [{name: c, image: "busybox:1.36", command: ["sh", "-c", "exit 1"]}]
`;

/** The canonical stories: a rollout, a crash loop and a node failure, on the full control plane. */
function story(seed: number) {
  const t = newTestCluster({ seed });
  t.apply(WEB);
  t.apply(CRASHER);
  t.advance('60s');
  t.apply(WEB.replace('nginx:1.27', 'nginx:1.28'));
  t.advance('60s');
  const node = t.get('nodes', 'worker-2', '')!;
  t.api.patch(t.api.registry.get('', 'nodes')!, '', node.metadata.name!, { metadata: { annotations: { 'kubeplay.dev/fault': 'down' } } }, 'application/merge-patch+json', {}, '', (d, b) => ({ ...d, metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), ...(b as { metadata: { annotations: Record<string, string> } }).metadata.annotations } } }));
  t.advance('8m');
  return t;
}

describe('determinism', () => {
  it('the same seed and the same requests give the same event log, write for write', () => {
    const a = story(7);
    const b = story(7);
    expect(a.log.entries.length).toBeGreaterThan(200);
    expect(a.log.lines()).toEqual(b.log.lines());
    expect(a.log.digest()).toBe(b.log.digest());
    // …and the same objects: names, uids, IPs, event texts.
    const dump = (t: typeof a) => JSON.stringify(t.list('pods').map((p) => [p.metadata.name, p.metadata.uid, p.spec.nodeName, p.status?.podIP, p.status?.phase]));
    expect(dump(a)).toBe(dump(b));
    expect(a.events()).toEqual(b.events());
  });

  it('a different seed gives different names but the same story', () => {
    const a = story(7);
    const c = story(8);
    expect(a.log.digest()).not.toBe(c.log.digest());
    const web = (t: typeof a) => t.pods('app=web').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running').length;
    expect(web(a)).toBe(3);
    expect(web(c)).toBe(3);
  });

  it('the stories play as on a real cluster: rollout done, crash loop backing off, dead node evicted', () => {
    const t = story(7);
    const d = t.get('deployments', 'web')!;
    expect(d.status.updatedReplicas).toBe(3);
    expect(d.status.availableReplicas).toBe(3);
    const crasher = t.get('pods', 'crasher')!;
    expect(crasher.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(3);
    expect(t.events('crasher')).toContain('BackOff: Back-off restarting failed container c in pod crasher_default(' + crasher.metadata.uid + ')');
    const node = t.get('nodes', 'worker-2', '')!;
    expect(node.spec.taints.map((x: { key: string }) => x.key)).toContain('node.kubernetes.io/unreachable');
    expect(t.events('worker-2')).toContain('NodeNotReady: Node worker-2 status is now: NodeNotReady');
  });
});
