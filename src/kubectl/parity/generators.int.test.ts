/** kubectl parity (see testing/paritySuite.ts): the rbac, quota, ingress, pdb, priorityclass, secret tls and token generators. */
import { describe, expect, it } from 'vitest';
import { clusterPair, countCompared, expectInStep, kubectlPath, paritySuite, same } from '../testing/paritySuite';
import { EC_CERT, EC_KEY, ED_CERT, ED_KEY, RSA_CERT, RSA_KEY } from '../testing/tlsFixtures';

paritySuite('generators');

const flagHeads = (help: string) => [...help.matchAll(/^ {4}(?:-[a-zA-Z], )?--[a-z-]+=.*:$|(?<=^Usage:\n).*$/gm)].map((m) => m[0]);

/** The `Available Commands:` section of a help text. */
const commandList = (help: string) => /Available Commands:\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '(no command list)';

describe.skipIf(!kubectlPath)('kubectl parity: create generators (rbac, quota, ingress, pdb, priorityclass, secret tls, token)', () => {
  const rig = clusterPair();

  it('create --help lists the same generators with the same descriptions', async () => {
    for (const line of ['create --help', 'create secret --help', 'create service --help']) {
      const { real, ours } = await rig().both(line);
      countCompared();
      expect(commandList(ours.stdout), line).toBe(commandList(real.stdout));
    }
  });

  it('every generator has the same flags (names, shorthands, defaults) and usage line', async () => {
    const generators = ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret docker-registry', 'secret generic', 'secret tls', 'service clusterip', 'service externalname', 'service loadbalancer', 'service nodeport', 'serviceaccount', 'token'];
    for (const g of generators) {
      const { real, ours } = await rig().both(`create ${g} --help`);
      countCompared();
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
