import { it } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';
import { deploymentYaml, markAllReady, rolloutStatus } from './testkit';
it('smoke', () => {
  const t = newTestCluster({ controllers: ['deployment-controller', 'replicaset-controller'] });
  t.apply(deploymentYaml({ replicas: 3 }));
  t.settle();
  const show = () => {
    const d = t.get('deployments', 'web')!;
    console.log(rolloutStatus(d), JSON.stringify(d.status), JSON.stringify(d.metadata.annotations));
    for (const rs of t.list('replicasets')) console.log(rs.metadata.name, rs.spec.replicas, JSON.stringify(rs.status), JSON.stringify(rs.metadata.annotations));
  };
  show();
  markAllReady(t);
  show();
  t.advance('10s');
  t.apply(deploymentYaml({ replicas: 3, image: 'nginx:1.28' }));
  t.settle();
  show();
  for (let i = 0; i < 4; i++) { markAllReady(t); show(); }
  console.log(t.events('web').join('\n'));
});
