/**
 * The parity suite of issue 6: every command of §2 runs through the real kubectl 1.32 against the
 * headless server and through this kubectl against an identical in-process cluster (same seed,
 * same requests, same simulated clock moves). stdout, stderr and the exit status must be equal byte
 * for byte; the only allowance is a client-side age that crossed a unit boundary between the two
 * runs (`maskAges`). After each block both stores must hold the same objects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl } from '../server/testing/harness';
import { maskAges, startParity, type Outcome, type Parity } from './testing/parity';
import { EC_CERT, EC_KEY, ED_CERT, ED_KEY, RSA_CERT, RSA_KEY } from './testing/tlsFixtures';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('SKIPPED: real kubectl not found (/usr/bin/kubectl) — the kubectl parity suite did not run');

let compared = 0;

type Norm = (s: string) => string;

/** For output whose line order real kubectl leaves to goroutines or Go map iteration. */
const sorted: Norm = (s) => s.split('\n').sort().join('\n');

/** Equal byte for byte, or equal once client-computed ages are masked; reports the line on failure. */
function expectParity(line: string, real: Outcome, ours: Outcome, norm: Norm = (s) => s): void {
  compared++;
  const r = { line, stdout: norm(real.stdout), stderr: norm(real.stderr), code: real.code };
  const o = { line, stdout: norm(ours.stdout), stderr: norm(ours.stderr), code: ours.code };
  if (r.stdout === o.stdout && r.stderr === o.stderr && r.code === o.code) return;
  const mask = (x: typeof r) => ({ ...x, stdout: maskAges(x.stdout), stderr: maskAges(x.stderr) });
  expect(mask(o)).toEqual(mask(r));
}

/** Runs each line on both sides and compares; returns the real outputs. */
async function same(p: Parity, lines: string[], norm?: Norm): Promise<Outcome[]> {
  const outs: Outcome[] = [];
  for (const line of lines) {
    const { real, ours } = await p.both(line);
    expectParity(line, real, ours, norm);
    outs.push(real);
  }
  return outs;
}

function expectInStep(p: Parity): void {
  const s = p.snapshot();
  expect(s.ours === s.real, 'both clusters hold the same objects').toBe(true);
}

/** One cluster pair per describe block: started (and a minute old) before its tests, stopped after. */
function clusterPair(): () => Parity {
  let rig: Parity | undefined;
  beforeAll(async () => {
    rig = await startParity();
    rig.advance(60_000);
  });
  afterAll(async () => rig?.stop());
  return () => rig!;
}

const APP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  mode: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: {app: shop}
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: c
        image: nginx:1.27
        resources:
          requests: {cpu: 100m, memory: 64Mi}
`;

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

describe.skipIf(!kubectlPath)('kubectl parity: reading (get, describe, discovery, config, errors)', () => {
  const rig = clusterPair();

  it('get with every output format, selectors, namespaces and sorting', async () => {
    await same(rig(), [
      'get pods',
      'get pods -o wide',
      'get pods -o yaml',
      'get pods -o json',
      'get deploy,rs,svc -o name',
      'get pods -o jsonpath={.items[*].metadata.name}',
      'get pods -o jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}',
      'get nodes -o jsonpath={.items[0].status.capacity}',
      'get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[*].image',
      'get pods -l app=web',
      'get pods -l app!=web',
      'get pods -n kube-system',
      'get pods -A',
      'get pods -A -o wide',
      'get all',
      'get all -A',
      'get pods --show-labels',
      'get nodes --show-labels',
      'get pods -A --sort-by=.metadata.name',
      'get pods --sort-by=.spec.nodeName',
      'get nodes --sort-by=.metadata.name -o name',
      'get nodes -o wide',
      'get ns',
      'get svc web -o yaml',
      'get deploy web -o json',
      'get cm -A',
      'get sa,roles,rolebindings -n kube-system',
    ]);
  });

  it('describe', async () => {
    await same(rig(), ['describe deploy web', 'describe pods', 'describe node worker-1', 'describe svc web', 'describe rs', 'describe ns default', 'describe pods -l app=web -n default']);
  });

  it('discovery, explain, version, config', async () => {
    await same(rig(), [
      'api-resources',
      'api-resources --namespaced=false',
      'api-resources --api-group=apps -o wide',
      'api-versions',
      'explain pods',
      'explain deployment.spec.replicas',
      'explain deploy.spec.strategy --recursive',
      'cluster-info',
      'config get-contexts',
      'config current-context',
      'config view',
      'config view --minify',
      'config set-context --current --namespace=kube-system',
      'get pods',
      'config view --minify -o jsonpath={..namespace}',
      'config set-context --current --namespace=default',
      'get pods -o name',
    ]);
    // The installed binary is a Cloud SDK build whose client version carries a `-dispatcher`
    // suffix: its own build string, not something the server or this kubectl could match.
    await same(rig(), ['version'], (s) => s.replace(/^Client Version: v1\.32\.\d+\S*$/m, 'Client Version: v1.32'));
  });

  it('errors and exit statuses', async () => {
    await same(rig(), [
      'get pod nope',
      'get pods nope other',
      'get foos',
      'get pods --bogus',
      'get pods -o bogus',
      'get pods -o jsonpath={.items[0].nope}',
      'describe pod nope',
      'delete deployment nope',
      'scale deployment nope --replicas=2',
      'logs nope',
      'frob',
      'get',
      'rollout status deployment/nope',
      'explain nothing',
      'create deployment',
      'label pod nope a=b',
    ]);
    expectInStep(rig());
  });
});

describe.skipIf(!kubectlPath)('kubectl parity: writing (apply, create, run, expose, delete, label, patch, edit)', () => {
  const rig = clusterPair();

  it('apply -f (file and stdin), create -f, edit', async () => {
    const f = rig().file('app.yaml', APP);
    await same(rig(), [`apply -f ${f}`, `apply -f ${f}`, `create -f ${f}`]);
    rig().file('app.yaml', APP.replace('mode: blue', 'mode: green'));
    await same(rig(), [`apply -f ${f}`, 'get cm app -o yaml']);
    const stdin = APP.replace('replicas: 2', 'replicas: 3');
    const { real, ours } = await rig().both('apply -f -', stdin);
    expectParity('apply -f - (heredoc)', real, ours);
    rig().advance(20_000);
    await same(rig(), ['get deploy shop', 'get pods -l app=shop -o wide']);
    rig().editWith([['replicas: 3', 'replicas: 4']]);
    await same(rig(), ['edit deployment shop']);
    rig().editWith([['replicas: 4', 'replicas: four']]);
    await same(rig(), ['edit deployment shop']);
    rig().advance(10_000);
    await same(rig(), ['get deploy shop -o wide']);
    expectInStep(rig());
  });

  it('create generators, run, expose', async () => {
    await same(rig(), [
      'create deployment api --image=nginx:1.27 --replicas=2 --port=8080',
      'create service clusterip api --tcp=80:8080',
      'create service nodeport edge --tcp=80:80',
      'create configmap cfg --from-literal=a=1 --from-literal=b=2',
      'create secret generic sec --from-literal=pw=hunter2',
      'create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p<&',
      'create secret docker-registry reg2 --docker-username=u --docker-password=p --docker-email=a@b.c --dry-run=client -o json',
      'create secret docker-registry reg3',
      'create namespace team',
      'create job once --image=busybox -- echo hi',
      'create cronjob nightly --image=busybox --schedule=*/5 * * * *',
      'create deployment api --image=nginx',
      'create deployment dry --image=nginx --dry-run=client -o yaml',
      'create deployment dry --image=nginx --dry-run=server -o name',
      'run solo --image=nginx --labels=tier=solo',
      'run solo --image=nginx',
      'run tmp --image=busybox --restart=Never --dry-run=client -o yaml -- sleep 10',
      'expose deployment web --name=web-np --port=8080 --target-port=80 --type=NodePort',
      'expose pod solo --port=80',
    ]);
    rig().advance(30_000);
    await same(rig(), ['get all', 'get cm,secret', 'get secret sec -o yaml', 'get cronjob', 'get jobs', 'get ns', 'get svc -o wide', 'describe svc web-np', 'describe cronjob nightly', 'describe job once']);
    expectInStep(rig());
  });

  it('label, annotate, patch', async () => {
    await same(rig(), [
      'label pod solo tier=front',
      'label pod solo tier=back',
      'label pod solo tier=back --overwrite',
      'label pod solo tier-',
      'label deploy --all team=a',
      'get deploy --show-labels',
      'annotate deployment api note=hi',
      'annotate deployment api note=again',
      'annotate deployment api note-',
      'patch deployment api -p {"spec":{"replicas":3}}',
      'patch deployment api -p {"spec":{"replicas":3}}',
      'patch deployment api --type=merge -p {"metadata":{"labels":{"x":"y"}}}',
      'patch deployment api --type=json -p [{"op":"replace","path":"/spec/replicas","value":2}]',
      'patch deployment api --type=json -p [{"op":"replace","path":"/spec/nope/x","value":2}]',
      'patch deployment api -p {"spec":{"replicas":"x"}}',
      'get deploy api -o jsonpath={.spec.replicas} {.metadata.labels}',
    ]);
    expectInStep(rig());
  });

  it('delete: by name, -l, --all, --grace-period, --force, -f', async () => {
    const f = rig().file('app.yaml', APP);
    await same(rig(), [
      'delete pod solo --grace-period=0 --force',
      'delete cm cfg',
      'delete secret --all',
      'delete deploy -l app=api --wait=false',
      'delete svc api edge --wait=false',
      `delete -f ${f} --wait=false`,
      'delete pods -l app=web --grace-period=5 --wait=false',
      'delete ns team --wait=false',
    ]);
    rig().advance(40_000);
    await same(rig(), ['get all', 'get ns']);
    const r = await rig().concurrent('delete pods -l app=web', [10_000, 40_000], { untilExit: true });
    expectParity('delete pods -l app=web (waits for the pods to go)', r.real, r.ours);
    expectInStep(rig());
  });
});

/** A help text's option lines (`    -o, --output='':`) and its usage line. */
const flagHeads = (help: string) => [...help.matchAll(/^ {4}(?:-[a-zA-Z], )?--[a-z-]+=.*:$|(?<=^Usage:\n).*$/gm)].map((m) => m[0]);

/** The `Available Commands:` section of a help text. */
const commandList = (help: string) => /Available Commands:\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '(no command list)';

describe.skipIf(!kubectlPath)('kubectl parity: create generators (rbac, quota, ingress, pdb, priorityclass, secret tls, token)', () => {
  const rig = clusterPair();

  it('create --help lists the same generators with the same descriptions', async () => {
    for (const line of ['create --help', 'create secret --help', 'create service --help']) {
      const { real, ours } = await rig().both(line);
      compared++;
      expect(commandList(ours.stdout), line).toBe(commandList(real.stdout));
    }
  });

  it('every generator has the same flags (names, shorthands, defaults) and usage line', async () => {
    const generators = ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret docker-registry', 'secret generic', 'secret tls', 'service clusterip', 'service externalname', 'service loadbalancer', 'service nodeport', 'serviceaccount', 'token'];
    for (const g of generators) {
      const { real, ours } = await rig().both(`create ${g} --help`);
      compared++;
      expect(flagHeads(real.stdout).length, `${g}: options and usage found`).toBeGreaterThan(5);
      expect(flagHeads(ours.stdout), g).toEqual(flagHeads(real.stdout));
    }
  });

  it('role, clusterrole, rolebinding, clusterrolebinding', async () => {
    await same(rig(), [
      'create role reader --verb=get,list --verb=watch --resource=pods,deployments.apps,rs.apps,pods/log --resource-name=a --resource-name=a',
      'create role reader2 --verb=get --verb=frob --resource=pod --dry-run=client -o yaml',
      'create role all --verb=get,*,list --resource=* -o name',
      'create role bad --verb=get',
      'create role bad --verb=get --resource=foos.apps',
      'create role bad --verb=use --resource=pods',
      'create clusterrole logs --verb=get --non-resource-url=/logs/* --resource=nodes',
      'create clusterrole agg --aggregation-rule=rbac.example.com/aggregate=true -o yaml',
      'create clusterrole agg2 --aggregation-rule=a=b,c=d --dry-run=client -o json',
      'create clusterrole bad --aggregation-rule=a=b --verb=get',
      'create clusterrole bad --verb=list --non-resource-url=/x',
      'create clusterrole bad --verb=get --non-resource-url=/a*b',
      'create clusterrole bad --aggregation-rule=nopair',
      'create rolebinding read --role=reader --user=alice --user=bob --group=devs --serviceaccount=default:robot',
      'create rolebinding view --clusterrole=view --serviceaccount=kube-system:x -n kube-system --dry-run=client -o yaml',
      'create rolebinding bad --clusterrole=view --role=reader',
      'create rolebinding bad --role=reader --serviceaccount=robot',
      'create rolebinding read --role=reader',
      'create clusterrolebinding admins --clusterrole=logs --user=root --serviceaccount=default:robot -o json',
      'create clusterrolebinding dry --clusterrole=view --dry-run=client -o yaml -n foo',
      'create clusterrolebinding bad --user=bob',
      'create clusterrolebinding bad --clusterrole=view --serviceaccount=:x',
      'get roles,rolebindings',
      'describe role reader',
    ]);
    expectInStep(rig());
  });

  it('quota, poddisruptionbudget, priorityclass', async () => {
    await same(rig(), [
      'create quota small --hard=cpu=1,memory=1G,pods=2,services=3 --scopes=NotBestEffort',
      'create quota dry --hard=cpu=1000m,memory=0.5Gi --dry-run=client -o yaml',
      'create resourcequota named --hard=pods=3 -o name',
      'create quota bad --hard=cpu',
      'create quota bad --hard=cpu=lots',
      'create quota bad --scopes=a,,b',
      'create quota bad --hard=cpu=1 --scopes=BestEffort',
      'create pdb web --selector=app=web --min-available=1',
      'create pdb sel --selector=b=1,a in (x,y),!c --max-unavailable=50% --dry-run=client -o yaml',
      'create poddisruptionbudget pct --selector=app=web --max-unavailable=007 -o json',
      'create pdb bad --selector=a!=b --min-available=1',
      'create pdb bad --selector=a=b --min-available=1 --max-unavailable=2',
      'create pdb bad --selector=a=b --min-available=x',
      'create pdb bad --min-available=1',
      'create priorityclass high --value=1000 --description=important --preemption-policy=Never',
      'create priorityclass dflt --value=5 --global-default -o json',
      'create pc dry --dry-run=client -o yaml',
      'create priorityclass bad --value=x',
      'create priorityclass bad --value=99999999999',
      'create pc bad --value=2000000000 --dry-run=server -o name',
      'get quota,pdb,pc',
    ]);
    expectInStep(rig());
  });

  it('ingress', async () => {
    await same(rig(), [
      'create ingress simple --rule=foo.com/bar=svc1:8080,tls=my-cert --class=nginx --annotation=a=b',
      'create ingress multi --rule=foo.com/bar*=svc:http,tls=sec --rule=foo.com/baz=svc2:81 --rule=/x=s:1,tls --default-backend=def:80 --dry-run=client -o yaml',
      'create ing tls --rule=a.com/=svc:80,tls=s1 --rule=b.com/=svc:81,tls=s1 --rule=a.com/x=svc:82,tls=s2 -o json',
      'create ingress bad',
      'create ingress bad --rule=foo.com=svc:80',
      'create ingress bad --rule=/a=b:80 --annotation=x',
      'create ingress bad --default-backend=svc',
      'get ingress',
    ]);
    expectInStep(rig());
  });

  it('configmap and secret sources: env files, key checks, source order, --append-hash', async () => {
    const env = rig().file('app.env', 'A=1\n# comment\n  B=two \n\nC==3\n');
    const badEnv = rig().file('bad.env', 'A=1\nB =x\n');
    await same(rig(), [
      `create configmap envcm --from-env-file=${env} -o yaml`,
      `create secret generic envsec --from-env-file=${env} -o yaml`,
      `create configmap bad --from-env-file=${badEnv}`,
      `create secret generic bad --from-env-file=${env} --from-literal=a=b`,
      `create configmap order --from-file=${env} --from-literal=app.env=x`,
      `create secret generic order --from-file=${env} --from-literal=app.env=x`,
      'create configmap bad --from-literal=a b=c',
      'create secret generic bad --from-literal=a b=c',
      'create configmap bad --from-file==x',
      'create configmap bad --from-file=a=b=c',
      'create configmap hashed --from-literal=a=1 --from-literal=b=<x&y> --append-hash',
      'create secret generic hashed --from-literal=a=1 --type=foo --append-hash -o name',
      'create secret docker-registry hashed --docker-username=u --docker-password=p --append-hash -o name',
      'get cm,secret',
    ]);
    expectInStep(rig());
  });

  it('secret tls, serviceaccount, token, job --from', async () => {
    const rsaCert = rig().file('tls.crt', RSA_CERT);
    const rsaKey = rig().file('tls.key', RSA_KEY);
    const ecCert = rig().file('ec.crt', EC_CERT);
    const ecKey = rig().file('ec.key', EC_KEY);
    const edCert = rig().file('ed.crt', ED_CERT);
    const edKey = rig().file('ed.key', ED_KEY);
    const junk = rig().file('junk.txt', 'hello\n');
    await same(rig(), [
      `create secret tls shop-tls --cert=${rsaCert} --key=${rsaKey}`,
      `create secret tls dry --cert=${ecCert} --key=${ecKey} --dry-run=client -o yaml`,
      `create secret tls ec --cert=${ecCert} --key=${ecKey} -n kube-system -o name`,
      `create secret tls ed --cert=${edCert} --key=${edKey} -o name`,
      `create secret tls bad --cert=${rsaCert} --key=${ecKey}`,
      `create secret tls bad --cert=${ecCert} --key=${edKey}`,
      `create secret tls bad --cert=${rsaKey} --key=${rsaCert}`,
      `create secret tls bad --cert=${junk} --key=${rsaKey}`,
      `create secret tls bad --cert=${rsaCert} --key=${rsaCert}`,
      `create secret tls bad --cert=${rsaCert}`,
      `create secret tls bad --cert=/nope.crt --key=${rsaKey}`,
      `create secret tls shop-tls --cert=${rsaCert} --key=${rsaKey}`,
      `create secret tls hashed --cert=${rsaCert} --key=${rsaKey} --append-hash -o name`,
      'create serviceaccount robot',
      'create sa robot2 --dry-run=client -o yaml',
      'create serviceaccount robot',
      'create token robot',
      'create token robot --duration=1500ms',
      'create token robot --bound-object-kind=Foo',
      'create token robot --bound-object-kind=Pod',
      'create token robot --bound-object-name=x',
      'create token robot --duration=2h -o yaml',
      'create token robot --duration=5m',
      'create token nobody',
      'create token robot --audience=a --audience=b -o json',
      'create token robot --bound-object-kind=Secret --bound-object-name=shop-tls -o yaml',
      'create token robot --bound-object-kind=Pod --bound-object-name=gone',
      'create cronjob tick --image=busybox --schedule=*/5 * * * *',
      'create job manual --from=cronjob/tick',
      'create job manual2 --from=cronjob/tick --dry-run=client -o yaml',
      'create job bad --from=cronjob/nope',
      'create job bad --from=cronjob/tick -- echo hi',
      'create job bad --from=deployment/web',
      // --save-config: generators annotate always, run and expose only when sending, create service never.
      'create role saved --verb=get --resource=pods --save-config -o yaml',
      'create pdb saved --selector=a=b --min-available=1 --save-config --dry-run=client -o json',
      'run saved --image=nginx --save-config --dry-run=client -o yaml',
      'run saved --image=nginx --save-config -o yaml',
      'create service clusterip saved --tcp=80 --save-config -o yaml',
      'get secrets,sa,jobs',
      // (not `describe secret`: real kubectl lists a Secret's data in Go map order, which varies run to run)
      'get secret shop-tls -o yaml',
    ]);
    expectInStep(rig());
  });
});

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

afterAll(() => {
  if (kubectlPath) console.log(`kubectl parity: ${compared} command lines compared with the real kubectl`);
});
