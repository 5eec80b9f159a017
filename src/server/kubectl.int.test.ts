/**
 * Real kubectl 1.32 against the headless server: the API machinery of issue 2 (discovery, tables,
 * apply/create/replace/delete, patch flavours, errors), compared with what Kubernetes prints.
 * Control loops are off and time stands still, so outputs are exact (every AGE is 0s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startHarness, type Harness } from './testing/harness';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('SKIPPED: real kubectl not found — the kubectl integration suite did not run');

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

describe.skipIf(!kubectlPath)('real kubectl against the headless API server', () => {
  let h: Harness;
  const k = (...args: string[]) => h.kubectl(args);
  beforeAll(async () => {
    h = await startHarness({ empty: true, controllers: 'none' });
  });
  afterAll(async () => h?.stop());

  it('get nodes prints the server-side table like a kubeadm cluster', async () => {
    const r = await k('get', 'nodes');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   0s    v1.32.4',
        'worker-1        Ready    <none>          0s    v1.32.4',
        'worker-2        Ready    <none>          0s    v1.32.4',
        'worker-3        Ready    <none>          0s    v1.32.4',
        '',
      ].join('\n'),
    );
  });

  it('get nodes -o wide adds the wide columns', async () => {
    const r = await k('get', 'node', 'worker-1', '-o', 'wide');
    expect(r.stdout.split('\n')[0]).toBe(
      'NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME',
    );
    expect(r.stdout).toContain('172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-kubeplay   containerd://1.7.24');
  });

  it('apply creates, then reports unchanged, then configured', async () => {
    const f = h.file('web.yaml', DEPLOY);
    expect((await k('apply', '-f', f)).stdout).toBe('deployment.apps/web created\n');
    expect((await k('apply', '-f', f)).stdout).toBe('deployment.apps/web unchanged\n');
    h.file('web.yaml', DEPLOY.replace('nginx:1.27', 'nginx:1.28'));
    expect((await k('apply', '-f', f)).stdout).toBe('deployment.apps/web configured\n');
    const img = await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}');
    expect(img.stdout).toBe('nginx:1.28 2');
  });

  it('apply of a folder with several documents reports each object', async () => {
    h.file('multi.yaml', `${SERVICE}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n`);
    const r = await k('apply', '-f', h.file('multi.yaml', `${SERVICE}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n`));
    expect(r.stdout).toBe('service/web created\nconfigmap/settings created\n');
  });

  it('the server fills defaults exactly as Kubernetes 1.32', async () => {
    const r = JSON.parse((await k('get', 'deploy', 'web', '-o', 'json')).stdout);
    expect(r.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(r.spec.revisionHistoryLimit).toBe(10);
    expect(r.spec.progressDeadlineSeconds).toBe(600);
    const c = r.spec.template.spec.containers[0];
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.terminationMessagePath).toBe('/dev/termination-log');
    expect(c.ports[0].protocol).toBe('TCP');
    expect(r.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(r.spec.template.spec.schedulerName).toBe('default-scheduler');
    expect(r.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
    expect(r.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('"nginx:1.28"');
    const svc = await k('get', 'svc', 'web');
    expect(svc.stdout).toMatch(/^NAME {3}TYPE {8}CLUSTER-IP {3}EXTERNAL-IP {3}PORT\(S\) {3}AGE\nweb {4}ClusterIP {3}10\.96\.\d+\.\d+ +<none> {8}80\/TCP {4}0s\n$/);
  });

  it('-o name, -l and -A select and print like kubectl', async () => {
    expect((await k('get', 'deploy,svc', '-l', 'app=web', '-o', 'name')).stdout).toBe('deployment.apps/web\n');
    const all = await k('get', 'svc', '-A');
    expect(all.stdout.split('\n')[0]).toMatch(/^NAMESPACE +NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE$/);
    expect(all.stdout).toContain('kube-system   kube-dns');
  });

  it('label, annotate, patch (strategic, merge, json) and scale answer as kubectl prints', async () => {
    expect((await k('label', 'deploy', 'web', 'tier=frontend')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await k('annotate', 'deploy', 'web', 'owner=team-a')).stdout).toBe('deployment.apps/web annotated\n');
    expect((await k('patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":3}}')).stdout).toBe('deployment.apps/web patched\n');
    expect((await k('patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":{"paused":true}}')).stdout).toBe('deployment.apps/web patched\n');
    expect((await k('patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/paused","value":false}]')).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    expect((await k('scale', 'deploy', 'web', '--replicas=5')).stdout).toBe('deployment.apps/web scaled\n');
    const j = await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.minReadySeconds} {.metadata.labels.tier} {.metadata.annotations.owner}');
    expect(j.stdout).toBe('5 3 frontend team-a');
    expect((await k('label', 'deploy', 'web', 'tier-')).stdout).toBe('deployment.apps/web unlabeled\n');
  });

  it('create -f refuses an existing object; replace -f replaces it', async () => {
    const f = h.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    expect((await k('create', '-f', f)).stdout).toBe('configmap/cfg created\n');
    const again = await k('create', '-f', f);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`Error from server (AlreadyExists): error when creating "${f}": configmaps "cfg" already exists\n`);
    h.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n');
    expect((await k('replace', '-f', f)).stdout).toBe('configmap/cfg replaced\n');
    expect((await k('get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}')).stdout).toBe('2');
  });

  it('errors read exactly as on a real cluster', async () => {
    const nf = await k('get', 'deploy', 'nope');
    expect(nf.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(nf.code).toBe(1);
    expect((await k('get', 'foos')).stderr).toBe('error: the server doesn\'t have a resource type "foos"\n');
    const bad = h.file('bad.yaml', DEPLOY.replace(/ {2}selector:\n {4}matchLabels: \{app: web\}\n/, '').replace('name: web', 'name: invalid-web'));
    const inv = await k('apply', '-f', bad);
    expect(inv.stderr).toBe(
      'The Deployment "invalid-web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
    );
    const foo = await k('apply', '-f', h.file('foo.yaml', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n'));
    expect(foo.stderr).toContain('no matches for kind "Foo" in version "v1"');
    const unknown = await k('apply', '-f', h.file('typo.yaml', DEPLOY.replace('replicas: 3', 'replicasx: 3').replace('name: web', 'name: typo')));
    expect(unknown.stderr).toContain('strict decoding error: unknown field "spec.replicasx"');
    const empty = await k('get', 'pods');
    expect(empty.stderr).toBe('No resources found in default namespace.\n');
  });

  it('an immutable selector cannot change', async () => {
    const r = await k('patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":{"selector":{"matchLabels":{"app":"other"}},"template":{"metadata":{"labels":{"app":"other"}}}}}');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec.selector: Invalid value: v1.LabelSelector{');
    expect(r.stderr).toContain('field is immutable');
  });

  it('describe shows a deployment, a service and a node', async () => {
    const d = (await k('describe', 'deploy', 'web')).stdout;
    expect(d).toMatch(/^Name: +web\nNamespace: +default\n/);
    expect(d).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge');
    const s = (await k('describe', 'svc', 'web')).stdout;
    expect(s).toMatch(/Selector: +app=web/);
    expect(s).toMatch(/Port: +<unset>  80\/TCP/);
    const n = (await k('describe', 'node', 'worker-2')).stdout;
    expect(n).toMatch(/Ready +True .* KubeletReady +kubelet is posting ready status/);
    expect(n).toContain('PodCIDR:                      10.244.2.0/24');
  });

  it('a pod can be created, listed with its table, and deleted', async () => {
    const f = h.file('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  labels: {run: p1}\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n');
    expect((await k('apply', '-f', f)).stdout).toBe('pod/p1 created\n');
    expect((await k('get', 'pods')).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\np1     0/1     Pending   0          0s\n');
    expect((await k('get', 'pods', '-o', 'wide')).stdout.split('\n')[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES');
    const y = (await k('get', 'pod', 'p1', '-o', 'yaml')).stdout;
    expect(y).toContain('qosClass: BestEffort');
    expect(y).toContain('serviceAccountName: default');
    expect(y).toContain('tolerationSeconds: 300');
    expect((await k('delete', 'pod', 'p1')).stdout).toBe('pod "p1" deleted\n');
    expect((await k('get', 'pod', 'p1')).stderr).toBe('Error from server (NotFound): pods "p1" not found\n');
  });

  it('delete works by name, by -f, by -l and with --all', async () => {
    for (const n of ['a', 'b', 'c']) await k('apply', '-f', h.file(`cm-${n}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${n}\n  labels: {group: g${n === 'c' ? 2 : 1}}\n`));
    expect((await k('delete', 'cm', 'cm-a')).stdout).toBe('configmap "cm-a" deleted\n');
    expect((await k('delete', 'cm', '-l', 'group=g1')).stdout).toBe('configmap "cm-b" deleted\n');
    expect((await k('delete', '-f', h.file('cm-c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-c\n'))).stdout).toBe('configmap "cm-c" deleted\n');
    const all = await k('delete', 'cm', '--all');
    expect(all.stdout).toContain('configmap "settings" deleted');
  });

  it('get -w streams changes as table rows', async () => {
    const watching = h.kubectl(['get', 'cm', '-w'], undefined, 4000);
    await new Promise((r) => setTimeout(r, 1500));
    await k('apply', '-f', h.file('w.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\n'));
    const r = await watching;
    expect(r.stdout).toMatch(/NAME +DATA +AGE\n/);
    expect(r.stdout).toMatch(/watched +0 +0s/);
  });

  it('api-resources lists the served kinds from aggregated discovery', async () => {
    const r = (await k('api-resources')).stdout;
    expect(r.split('\n')[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(r).toMatch(/\ndeployments +deploy +apps\/v1 +true +Deployment\n/);
    expect(r).toMatch(/\nhorizontalpodautoscalers +hpa +autoscaling\/v2 +true +HorizontalPodAutoscaler\n/);
    expect(r.trim().split('\n').length - 1).toBe(34);
  });

  it('explain reads the OpenAPI v3 schema', async () => {
    const r = (await k('explain', 'deployment.spec.replicas')).stdout;
    expect(r).toContain('FIELD: replicas <integer>');
    expect(r).toContain('Number of desired pods.');
  });

  it('bad input gets a Kubernetes error and changes nothing: a huge name, a 10 MB body', async () => {
    const long = 'x'.repeat(300);
    const r = await k('create', 'configmap', long, '--dry-run=client', '-o', 'yaml');
    expect(r.code).toBe(0);
    const huge = await k('apply', '-f', h.file('long.yaml', r.stdout));
    expect(huge.stderr).toContain('metadata.name: Invalid value');
    expect(huge.stderr).toContain('must be no more than 253 characters');
    const big = await fetch(`http://127.0.0.1:${h.port}/api/v1/namespaces/default/configmaps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { x: 'y'.repeat(10 * 2 ** 20) } }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).reason).toBe('RequestEntityTooLarge');
    expect((await k('get', 'cm', 'big')).stderr).toContain('not found');
  });
});
