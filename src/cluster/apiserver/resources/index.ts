import type { ResourceDef } from '../types';
import { configmaps } from './configmap';
import { coreResources } from './core';
import { namespaces } from './namespace';
import { podResources } from './pod';
import { workloadResources } from './workloads';

/**
 * Every served kind, in discovery order. Adding a kind = one file + one entry in its area's list;
 * routing, discovery, OpenAPI, tables and storage all follow from the ResourceDef.
 */
export const allResources: ResourceDef[] = [namespaces, configmaps, ...podResources, ...coreResources, ...workloadResources];
