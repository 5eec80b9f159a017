/**
 * Real kubectl 1.32 generator commands, which send protobuf bodies, against the headless server:
 * each must print its `… created` line and store the object kubectl meant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startHarness, type Harness } from '../../../../server/testing/harness';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('SKIPPED: real kubectl not found — the protobuf integration suite did not run');

describe.skipIf(!kubectlPath)('kubectl create (protobuf bodies)', () => {
  let h: Harness;
  const k = (...args: string[]) => h.kubectl(args);
  const json = async (...args: string[]) => JSON.parse((await k('get', ...args, '-o', 'json')).stdout);
  beforeAll(async () => {
    h = await startHarness({ empty: true, controllers: 'none' });
  });
  afterAll(async () => h?.stop());

  const created = async (args: string[], line: string) => {
    const r = await k('create', ...args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${line} created\n`);
  };

  it('create deployment', async () => {
    await created(['deployment', 'web', '--image=nginx:1.27', '--replicas=2'], 'deployment.apps/web');
    const d = await json('deploy', 'web');
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' });
  });

  it('create namespace, configmap, secret generic', async () => {
    await created(['namespace', 'team'], 'namespace/team');
    expect((await json('ns', 'team')).status.phase).toBe('Active');
    await created(['configmap', 'cfg', '--from-literal=a=1'], 'configmap/cfg');
    expect((await json('cm', 'cfg')).data).toEqual({ a: '1' });
    await created(['secret', 'generic', 's', '--from-literal=p=x'], 'secret/s');
    const s = await json('secret', 's');
    expect(s.data).toEqual({ p: 'eA==' });
    expect(s.type).toBe('Opaque');
  });

  it('create service clusterip', async () => {
    await created(['service', 'clusterip', 'web', '--tcp=80:8080'], 'service/web');
    const s = await json('svc', 'web');
    expect(s.spec.ports).toEqual([{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }]);
    expect(s.spec.selector).toEqual({ app: 'web' });
    expect(s.spec.clusterIP).toMatch(/^10\.96\./);
  });

  it('create job and cronjob', async () => {
    await created(['job', 'j', '--image=busybox', '--', 'echo', 'hi'], 'job.batch/j');
    const j = await json('job', 'j');
    expect(j.spec.template.spec.containers[0]).toMatchObject({ name: 'j', image: 'busybox', command: ['echo', 'hi'] });
    expect(j.spec.template.spec.restartPolicy).toBe('Never');
    await created(['cronjob', 'c', '--image=busybox', '--schedule=*/5 * * * *', '--', 'echo', 'hi'], 'cronjob.batch/c');
    const c = await json('cronjob', 'c');
    expect(c.spec.schedule).toBe('*/5 * * * *');
    expect(c.spec.jobTemplate.spec.template.spec.containers[0].command).toEqual(['echo', 'hi']);
  });

  it('the other generators: priorityclass, rbac, serviceaccount, quota, pdb, ingress', async () => {
    await created(['priorityclass', 'high', '--value=1000'], 'priorityclass.scheduling.k8s.io/high');
    await created(['role', 'r', '--verb=get', '--resource=pods'], 'role.rbac.authorization.k8s.io/r');
    await created(['rolebinding', 'rb', '--role=r', '--user=u'], 'rolebinding.rbac.authorization.k8s.io/rb');
    await created(['clusterrole', 'cr', '--verb=get', '--resource=nodes'], 'clusterrole.rbac.authorization.k8s.io/cr');
    await created(['clusterrolebinding', 'crb', '--clusterrole=cr', '--user=u'], 'clusterrolebinding.rbac.authorization.k8s.io/crb');
    await created(['serviceaccount', 'sa'], 'serviceaccount/sa');
    await created(['quota', 'q', '--hard=cpu=1,pods=2'], 'resourcequota/q');
    await created(['poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=1'], 'poddisruptionbudget.policy/pdb');
    await created(['ingress', 'ing', '--rule=foo.com/bar=svc1:8080'], 'ingress.networking.k8s.io/ing');
    expect((await json('pc', 'high')).value).toBe(1000);
    expect((await json('role', 'r')).rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]);
    expect((await json('quota', 'q')).spec.hard).toEqual({ cpu: '1', pods: '2' });
    expect((await json('pdb', 'pdb')).spec.minAvailable).toBe(1);
    expect((await json('ingress', 'ing')).spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'svc1', port: { number: 8080 } } });
  });

  it('server errors still come back as Status (AlreadyExists)', async () => {
    const r = await k('create', 'deployment', 'web', '--image=nginx');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
  });
});
