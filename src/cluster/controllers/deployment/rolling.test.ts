import { describe, expect, it } from 'vitest';
import { deploy, rsFor, World } from './testworld';

/** A Deployment rolled out on nginx:1.27, its pods all available, then edited to nginx:1.28. */
function update(o: Parameters<typeof deploy>[0]): World {
  const d = deploy(o);
  const w = new World(d, [rsFor(d, { name: 'old', replicas: d.spec.replicas })]);
  w.edit((x) => (x.spec.template.spec.containers[0].image = 'nginx:1.28'));
  return w;
}

describe('RollingUpdate (rolloutRolling)', () => {
  it('10 replicas, maxUnavailable 2, maxSurge 3: new RS created at 3, old scaled to 8, new to 5, then waits for availability', () => {
    const w = update({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    w.run(false);
    expect(w.changes).toEqual(['new +3', 'old -2', 'new +2']);
    expect(w.sizes()).toEqual(['old=8', 'new=5']);
    w.run(true);
    expect(w.sizes()).toEqual(['old=0', 'new=10']);
  });

  it('fenceposts: 2 replicas, maxUnavailable 1%, maxSurge 0% → old −1, new +1, old −1, new +1', () => {
    const w = update({ replicas: 2, maxSurge: '0%', maxUnavailable: '1%' });
    w.run(true);
    expect(w.changes).toEqual(['old -1', 'new +1', 'old -1', 'new +1']);
  });

  it('fenceposts: 2 replicas, maxUnavailable 0%, maxSurge 1% → new +1, old −1, new +1, old −1', () => {
    const w = update({ replicas: 2, maxSurge: '1%', maxUnavailable: '0%' });
    w.run(true);
    expect(w.changes).toEqual(['new +1', 'old -1', 'new +1', 'old -1']);
  });

  it('defaults with 3 replicas (surge 1, unavailable 0) replace one pod at a time', () => {
    const w = update({ replicas: 3 });
    w.run(true);
    expect(w.changes).toEqual(['new +1', 'old -1', 'new +1', 'old -1', 'new +1', 'old -1']);
  });

  it('one sync may create the new RS and scale old down, but a scale-up ends the step', () => {
    const w = update({ replicas: 4, maxSurge: 1, maxUnavailable: 1 });
    w.sync();
    // Creating is not "scaling up": 5 pods, minAvailable 3, 1 new unavailable → 1 old pod goes too.
    expect(w.changes).toEqual(['new +1', 'old -1']);
    w.settle(true);
    w.sync();
    // 4 pods < 5: the new RS grows and the sync stops there, though old pods could go as well.
    expect(w.changes).toEqual(['new +1', 'old -1', 'new +1']);
    w.sync();
    expect(w.changes).toEqual(['new +1', 'old -1', 'new +1', 'old -1']);
  });

  it('rolling over a crash-looping rollout removes its unhealthy replicas first', () => {
    const w = update({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    w.run(false);
    expect(w.sizes()).toEqual(['old=8', 'new=5']);
    w.now += 60_000;
    w.edit((x) => (x.spec.template.spec.containers[0].image = 'nginx:1.29'));
    w.changes = [];
    w.sync();
    // The 1.28 RS (5 replicas, 0 available) is unhealthy: 13 − 8 − 0 = 5 may go, all from it.
    expect(w.sizes()).toEqual(['old=8', 'old=0', 'new=0']);
  });

  it('records one ScalingReplicaSet event per size change, in upstream wording', () => {
    const w = update({ replicas: 3 });
    w.run(true);
    const newName = w.rss[1].metadata.name;
    expect(w.events).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${newName} from 0 to 1`,
      'ScalingReplicaSet: Scaled down replica set old from 3 to 2',
      `ScalingReplicaSet: Scaled up replica set ${newName} from 1 to 2`,
      'ScalingReplicaSet: Scaled down replica set old from 2 to 1',
      `ScalingReplicaSet: Scaled up replica set ${newName} from 2 to 3`,
      'ScalingReplicaSet: Scaled down replica set old from 1 to 0',
    ]);
  });

  it('a new ReplicaSet above replicas (after a scale-down) is scaled down to replicas', () => {
    const d = deploy({ replicas: 2 });
    const w = new World(d, [rsFor(d, { name: 'web-1', replicas: 4, annotations: { 'deployment.kubernetes.io/desired-replicas': '2' } })]);
    w.sync();
    expect(w.sizes()).toEqual(['new=2']);
  });
});

describe('Recreate (rolloutRecreate)', () => {
  it('scales old to 0, waits while old pods still run, then creates the new ReplicaSet at full size', () => {
    const d = deploy({ strategy: 'Recreate', replicas: 3 });
    const w = new World(d, [rsFor(d, { name: 'old', replicas: 3 })]);
    w.edit((x) => (x.spec.template.spec.containers[0].image = 'nginx:1.28'));
    w.sync();
    expect(w.changes).toEqual(['old -3']);
    w.settle();
    const terminating = { metadata: { name: 'p' }, status: { phase: 'Running' } };
    w.sync(new Map([['uid-old', [terminating]]]));
    expect(w.rss).toHaveLength(1);
    w.sync(new Map([['uid-old', [{ ...terminating, status: { phase: 'Succeeded' } }]]]));
    expect(w.changes).toEqual(['old -3', 'new +3']);
    expect(w.events.at(-1)).toMatch(/^ScalingReplicaSet: Scaled up replica set web-[456789bcdf]+ from 0 to 3$/);
  });
});
