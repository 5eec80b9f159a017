import { describe, expect, it } from 'vitest';
import type { KObject } from '../api/types';
import { Ipam } from './ipam';
import { nextBackOff } from './effects';
import { run, testPod } from './testing';

const cond = (st: KObject['status'], type: string) => st.conditions.find((c: KObject) => c.type === type);

describe('pod status', () => {
  it('starts Pending with ContainerCreating, unready conditions and the upstream messages', () => {
    const r = run(testPod('metadata: {name: web}\nspec:\n  containers:\n  - {name: nginx, image: "nginx:1.27"}\n  - {name: sidecar, image: "redis:7.4"}'));
    r.until(0);
    const st = r.status();
    expect(st.phase).toBe('Pending');
    expect(st.conditions.map((c: KObject) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(cond(st, 'Ready')).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2025-01-01T00:00:00Z',
      message: 'containers with unready status: [nginx sidecar]',
      reason: 'ContainersNotReady',
      status: 'False',
      type: 'Ready',
    });
    expect(st.containerStatuses[0]).toEqual({ image: 'nginx:1.27', imageID: '', lastState: {}, name: 'nginx', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } });
    expect(st.podIP).toBeUndefined();
  });

  it('shows PodInitializing and the incomplete init containers', () => {
    const r = run(testPod('metadata: {name: web}\nspec:\n  initContainers:\n  - {name: wait-db, image: "busybox:1.36", command: [sleep, "30"]}\n  containers:\n  - {name: app, image: "nginx:1.27"}'));
    r.until(5000);
    const st = r.status();
    expect(cond(st, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait-db]' });
    expect(st.containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(st.initContainerStatuses[0].state.running).toBeDefined();
  });

  it('evaluates readiness gates once the containers are ready', () => {
    const r = run(testPod('metadata: {name: web}\nspec:\n  readinessGates: [{conditionType: example.com/lb}]\n  containers:\n  - {name: app, image: "registry.k8s.io/pause:3.10"}'));
    r.until(10_000);
    expect(cond(r.status(), 'ContainersReady')).toMatchObject({ status: 'True' });
    expect(cond(r.status(), 'Ready')).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady', message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.' });
  });

  it('marks a container that never ran ContainerStatusUnknown when the pod is over', () => {
    const r = run(testPod('metadata: {name: web}\nspec:\n  containers:\n  - {name: app, image: "nginx:nope"}'));
    r.until(5000);
    r.change((p) => {
      p.metadata.deletionTimestamp = '2025-01-01T00:00:35Z';
      p.metadata.deletionGracePeriodSeconds = 30;
    });
    const st = r.status();
    expect(st.phase).toBe('Failed');
    expect(st.containerStatuses[0].state.terminated).toEqual({
      exitCode: 137,
      finishedAt: null,
      message: 'The container could not be located when the pod was terminated',
      reason: 'ContainerStatusUnknown',
      startedAt: null,
    });
    expect(r.deleted).toBe(false);
    r.until(6000);
    expect(r.deleted).toBe(true);
  });

  it('keeps non-kubelet conditions (DisruptionTarget) ahead of its own', () => {
    const pod = testPod('metadata: {name: web}\nspec:\n  containers:\n  - {name: app, image: "registry.k8s.io/pause:3.10"}');
    pod.status = { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI' }] };
    const r = run(pod);
    r.until(0);
    expect(r.status().conditions.map((c: KObject) => c.type)[0]).toBe('DisruptionTarget');
  });
});

describe('back-off', () => {
  it('doubles from 10 s to at most 5 min and starts over after 10 quiet minutes', () => {
    let b = nextBackOff(undefined, 0, 0);
    const seen = [b.ms];
    for (let i = 1; i < 7; i++) seen.push((b = nextBackOff(b, i * 1000, i * 1000)).ms);
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(nextBackOff(b, 7000 + 601_000, 7000 + 601_000).ms).toBe(10_000);
  });
});

describe('pod IPAM', () => {
  it('skips the gateway, walks the range and reuses released addresses after wrapping', () => {
    const ipam = new Ipam('10.244.1.0/29'); // usable .2 … .6
    const got = [ipam.allocate(), ipam.allocate(), ipam.allocate()];
    expect(got).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    ipam.release('10.244.1.2');
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual(['10.244.1.5', '10.244.1.6', '10.244.1.2', undefined]);
    expect(ipam.gateway()).toBe('10.244.1.1');
  });
});
