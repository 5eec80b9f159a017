import type { ResourceDef } from '../../types';
import { pods } from './pod';

export { pods, podGracePeriod } from './pod';
export { defaultPodSpec, defaultPodTemplateSpec, roundResourceList } from './specDefaults';
export { validatePodSpec, validatePodSpecificAnnotations, validatePodTemplateSpec, type PodSpecValidationOptions } from './specValidation';
export { validatePodUpdate } from './podUpdate';
export { dropDisabledPodSpecFields } from './dropDisabled';
export { computeQOSClass, podLimits, podRequests, type QOSClass } from './resources';
export { podStatusCells } from './printer';

/** The kinds of this area, in discovery order. */
export const podResources: ResourceDef[] = [pods];
