import { benchScheduler, type BenchResult } from '../cluster/scheduler/bench';
import type { Figure } from './report';
import { startProfile } from './profile';

/** CPU time of this process in ms: steadier than wall time on a shared machine. */
const cpuMs = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;

/**
 * Issue 3's scheduler-alone figure: pending pods on `nodeCount` Ready nodes, the scheduler as the
 * only control loop, every bind a real POST pods/binding (mode `e2e`); the in-memory `algorithm`
 * mode separates the scheduler's own cost from the API server's. Rates use CPU time.
 */
export function schedulerFigures(nodeCount: number, podCount: number): Figure[] {
  const figures: Figure[] = [];
  for (const mode of ['e2e', 'algorithm'] as const) {
    const r: BenchResult = benchScheduler({ nodes: nodeCount, pods: podCount, mode, now: cpuMs, window: () => startProfile(`scheduler-${mode}`) });
    if (r.scheduled < podCount) throw new Error(`scheduler ${mode}: only ${r.scheduled}/${podCount} pods bound`);
    const label = mode === 'e2e' ? 'scheduler' : 'scheduler.algorithm_only';
    figures.push({
      name: `${label}.pods_per_cpu_second_${nodeCount}_nodes`,
      value: r.podsPerSecond,
      unit: 'pods/s',
      goal: mode === 'e2e' ? '≥ 20000' : undefined,
    });
  }
  return figures;
}
