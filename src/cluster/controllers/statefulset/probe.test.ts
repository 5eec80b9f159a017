import { test } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';
import { CronExpressionParser } from 'cron-parser';
test('probe', () => {
  const t = newTestCluster({ controllers: [] });
  t.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: nginx}]}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`);
  const s = t.get('statefulsets', 'web')!;
  console.log(JSON.stringify(s, null, 1));
  console.log(t.list('nodes').map(n => n.metadata.name));
  const it = CronExpressionParser.parse('*/1 * * * *', { currentDate: new Date(Date.UTC(2025,0,1,0,0,0)), tz: 'UTC' });
  console.log(it.next().toDate().toISOString(), it.next().toDate().toISOString());
  try { const i2 = CronExpressionParser.parse('0 0 31 2 *', { currentDate: new Date(Date.UTC(2025,0,1)), tz: 'UTC' }); console.log(i2.next().toDate()); } catch (e) { console.log('err', (e as Error).message); }
  const i3 = CronExpressionParser.parse('0 9 * * *', { currentDate: new Date(Date.UTC(2025,0,1,10)), tz: 'Europe/Berlin' });
  console.log(i3.next().toDate().toISOString());
});
