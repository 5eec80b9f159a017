/** kubectl parity (see testing/paritySuite.ts): scale, rollout, set, autoscale, nodes, logs, top, events, wait, drain, revisions. */
import { describe, it } from 'vitest';
import { clusterPair, expectInStep, expectParity, kubectlPath, paritySuite, same, sorted, type Norm } from '../testing/paritySuite';

paritySuite('workloads');

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: c
        image: nginx:1.27
`;


describe.skipIf(!kubectlPath)('kubectl parity: workloads and nodes (scale, rollout, set, autoscale, cordon, taint, logs, top, events, wait)', () => {
  const rig = clusterPair();

  it('scale, autoscale, set, rollout', async () => {
    await same(rig(), ['create deployment api --image=nginx:1.27 --replicas=2', 'scale deployment api --replicas=4', 'scale deploy api --current-replicas=3 --replicas=1']);
    rig().advance(15_000);
    await same(rig(), [
      'get deploy api',
      'autoscale deployment api --min=2 --max=5 --cpu-percent=70',
      'get hpa',
      'set image deployment/api nginx=nginx:1.28',
      'set image deployment/api nope=nginx:1.28',
    ]);
    rig().advance(60_000);
    await same(rig(), [
      'rollout status deployment/api',
      'rollout history deployment/api',
      'rollout history deployment/api --revision=2',
      'rollout undo deployment/api',
    ]);
    rig().advance(60_000);
    await same(rig(), [
      'rollout history deployment/api',
      'rollout undo deployment/api --to-revision=9',
      'rollout pause deployment/api',
      'rollout pause deployment/api',
      'set resources deployment api --limits=cpu=200m,memory=256Mi --requests=cpu=100m',
      'set env deployment/api FOO=bar MODE=dev',
      'set env deployment/api --list',
      'set env deployment/api FOO-',
      'rollout resume deployment/api',
      'rollout restart deployment/api',
    ]);
    rig().advance(60_000);
    await same(rig(), ['rollout status deployment/api', 'rollout history deployment/api', 'get rs -o wide', 'describe deploy api']);
    const r = await rig().concurrent('rollout status deployment/web', ['set image deployment/web nginx=nginx:1.28', 30_000, 30_000, 30_000], { untilExit: true });
    expectParity('rollout status deployment/web (follows a rollout)', r.real, r.ours);
    expectInStep(rig());
  });

  it('cordon, uncordon, taint, drain', async () => {
    await same(rig(), [
      'cordon worker-3',
      'cordon worker-3',
      'get nodes',
      'uncordon worker-3',
      'taint nodes worker-2 dedicated=x:NoSchedule',
      'taint nodes worker-2 dedicated=x:NoSchedule',
      'describe node worker-2',
      'taint nodes worker-2 dedicated-',
      'taint nodes worker-2 dedicated-',
      'drain worker-1',
      'uncordon worker-1',
    ]);
    expectInStep(rig());
  });

  it('logs (-c, --previous, -f), top, events, wait', async () => {
    await same(rig(), ['run solo --image=nginx', 'run crashy --image=busybox --restart=Always -- sh -c exit 1']);
    rig().advance(20_000);
    await same(rig(), ['annotate pod solo kubeplay.dev/fault=crash']);
    rig().advance(60_000);
    await same(rig(), [
      'logs solo',
      'logs solo -c solo',
      'logs solo -c nope',
      'logs solo --previous',
      'logs deploy/web',
      'logs solo --tail=3 --timestamps',
      'get pods',
      'top nodes',
      'top pods',
      'events',
      'events -A',
      'events --for=pod/solo',
      'events --types=Warning',
      'get events --field-selector=involvedObject.name=solo',
      'wait --for=condition=Available deployment/web',
      'wait --for=delete pod/nope --timeout=1s',
      'wait --for=condition=Ready pod/solo --timeout=1s',
    ]);
    // With a selector, real kubectl reads the pods' logs in Go map order (random): compare the lines as a set.
    await same(rig(), ['logs -l app=web --tail=2', 'logs -l app=web --prefix --tail=1'], sorted);
    const logs = await rig().concurrent('logs -f deploy/web', [5_000]);
    expectParity('logs -f deploy/web (interrupted)', logs.real, logs.ours);
    const w = await rig().concurrent('wait --for=jsonpath={.status.readyReplicas}=4 deployment/web --timeout=60s', ['scale deployment web --replicas=4', 10_000, 10_000], { untilExit: true });
    expectParity('wait --for=jsonpath (satisfied later)', w.real, w.ours);
    expectInStep(rig());
  });

  it('get -w follows changes until interrupted', async () => {
    const a = await rig().concurrent('get pods -w', ['scale deployment web --replicas=5', 5_000]);
    expectParity('get pods -w', a.real, a.ours);
    const b = await rig().concurrent('get deploy web -w -o wide', ['scale deployment web --replicas=2', 5_000, 40_000]);
    expectParity('get deploy web -w -o wide', b.real, b.ours);
    const c = await rig().concurrent('get pods -l app=web -w -o name --watch-only', ['delete pods -l app=web --wait=false', 5_000]);
    expectParity('get pods -w -o name --watch-only', c.real, c.ours);
    expectInStep(rig());
  });
});

describe.skipIf(!kubectlPath)('kubectl parity: drain, DaemonSet and StatefulSet revisions', () => {
  const rig = clusterPair();

  it('drain evicts, waits, and reports like kubectl', async () => {
    await same(rig(), ['drain worker-1', 'drain worker-1 --ignore-daemonsets --dry-run=client']);
    // Real kubectl evicts from one goroutine per pod, so its "evicting pod" lines come in any order…
    const r = await rig().concurrent('drain worker-1 --ignore-daemonsets --delete-emptydir-data', [40_000, 40_000], { untilExit: true });
    expectParity('drain worker-1 --ignore-daemonsets', r.real, r.ours, sorted);
    // …and the eviction order decides which ReplicaSet draws which random name suffix first, so
    // from here the clusters agree on everything but the replacement pods' names.
    const suffixes: Norm = (s) => sorted(s.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-xxxxx'));
    await same(rig(), ['get pods -o wide', 'uncordon worker-1', 'get nodes'], suffixes);
  });

  it('rollout history and undo of a DaemonSet and a StatefulSet (ControllerRevisions)', async () => {
    await same(rig(), ['rollout history ds/kube-proxy -n kube-system', 'rollout undo ds/kube-proxy -n kube-system', 'set image ds/kube-proxy -n kube-system kube-proxy=registry.k8s.io/kube-proxy:v1.32.5']);
    rig().advance(120_000);
    await same(rig(), [
      'rollout history daemonset -n kube-system',
      'rollout history ds/kube-proxy -n kube-system --revision=1',
      'rollout status ds/kube-proxy -n kube-system --watch=false',
      'rollout undo ds/kube-proxy -n kube-system --dry-run=client',
      'rollout undo ds/kube-proxy -n kube-system --to-revision=2',
      'rollout undo ds/kube-proxy -n kube-system',
      'rollout history ds/nope',
    ]);
    const sts = rig().file('sts.yaml', STATEFULSET);
    await same(rig(), [`apply -f ${sts}`]);
    rig().advance(30_000);
    await same(rig(), ['rollout history sts/db', 'set image sts/db c=nginx:1.28']);
    rig().advance(60_000);
    await same(rig(), ['rollout history sts/db', 'rollout history sts/db --revision=1', 'rollout history sts/db --revision=7', 'rollout undo sts/db --to-revision=2', 'rollout undo sts/db --to-revision=9', 'rollout undo sts/db']);
    rig().advance(60_000);
    await same(rig(), ['rollout history sts/db', 'get sts db -o yaml']);
  });
});
