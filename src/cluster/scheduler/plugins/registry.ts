/**
 * The in-tree plugins by name (framework/plugins/registry.go) and the default profile of
 * kube-scheduler 1.32: every plugin via multiPoint in this order, with these score weights.
 * VolumeRestrictions, NodeVolumeLimits and VolumeZone are not simulated.
 */
import type { Rng } from '../../sim/rng';
import { createRng } from '../../sim/rng';
import type { Handle } from '../framework/handle';
import type { ProfileEntry } from '../framework/runner';
import type { AnyPlugin } from '../framework/types';
import { newDefaultBinder } from './defaultbinder/plugin';
import { newDefaultPreemption } from './defaultpreemption/plugin';
import { newImageLocality } from './imagelocality/plugin';
import { newInterPodAffinity } from './interpodaffinity/plugin';
import { newNodeAffinity } from './nodeaffinity/plugin';
import { newNodeName } from './nodename/plugin';
import { newNodePorts } from './nodeports/plugin';
import { newBalancedAllocation } from './noderesourcesbalancedallocation/plugin';
import { newNodeResourcesFit } from './noderesourcesfit/plugin';
import { newNodeUnschedulable } from './nodeunschedulable/plugin';
import { newPodTopologySpread } from './podtopologyspread/plugin';
import { newPrioritySort } from './prioritysort/plugin';
import { newSchedulingGates } from './schedulinggates/plugin';
import { newTaintToleration } from './tainttoleration/plugin';
import { newVolumeBinding } from './volumebinding/plugin';

export type PluginFactory = (h: Handle, rng: Rng) => AnyPlugin;

export const pluginRegistry: Record<string, PluginFactory> = {
  SchedulingGates: () => newSchedulingGates(),
  PrioritySort: () => newPrioritySort(),
  NodeUnschedulable: () => newNodeUnschedulable(),
  NodeName: () => newNodeName(),
  TaintToleration: (h) => newTaintToleration(h),
  NodeAffinity: () => newNodeAffinity(),
  NodePorts: () => newNodePorts(),
  NodeResourcesFit: () => newNodeResourcesFit(),
  VolumeBinding: (h) => newVolumeBinding(h),
  PodTopologySpread: (h) => newPodTopologySpread(h),
  InterPodAffinity: (h) => newInterPodAffinity(h),
  DefaultPreemption: (h, rng) => newDefaultPreemption(h, rng),
  NodeResourcesBalancedAllocation: () => newBalancedAllocation(),
  ImageLocality: (h) => newImageLocality(h),
  DefaultBinder: (h) => newDefaultBinder(h),
};

/** getDefaultPlugins (config/v1/default_plugins.go, 1.32) minus the volume plugins not simulated. */
export const DEFAULT_PROFILE: readonly { name: string; weight?: number }[] = [
  { name: 'SchedulingGates' },
  { name: 'PrioritySort' },
  { name: 'NodeUnschedulable' },
  { name: 'NodeName' },
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodePorts' },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'VolumeBinding' },
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'DefaultPreemption' },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
  { name: 'DefaultBinder' },
];

/** Instantiates a profile's plugins in order. */
export function buildProfile(h: Handle, rng: Rng = createRng('scheduler'), profile = DEFAULT_PROFILE): ProfileEntry[] {
  return profile.map(({ name, weight }) => {
    const f = pluginRegistry[name];
    if (!f) throw new Error(`plugin ${name} is not registered`);
    return { plugin: f(h, rng.fork(name)), weight };
  });
}
