/** kubectl parity (see testing/paritySuite.ts): get in every output mode, describe, discovery, config, errors. */
import { describe, it } from 'vitest';
import { clusterPair, expectInStep, kubectlPath, paritySuite, same } from '../testing/paritySuite';

paritySuite('reading');

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
