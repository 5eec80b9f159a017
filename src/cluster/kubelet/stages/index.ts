/**
 * The default stage set of a simulated kubelet. Lessons may pass their own list (same shape) to
 * the interpreter; order matters only to break ties between stages due at the same time.
 */
import { containerStages } from './container';
import { imageStages } from './image';
import { podStages } from './pod';
import { probeStages } from './probe';
import type { Stage } from './types';

export type { Stage } from './types';

export const defaultStages: readonly Stage[] = [...podStages, ...imageStages, ...containerStages, ...probeStages];
