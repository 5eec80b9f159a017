/**
 * A pod's glyph: a disc in its workload's colour with a mark that tells its state by shape
 * (colour-blind safe) — a note while playing, a spinning arc while tuning, a zig-zag when out of
 * tune, a cross when crashing, a bar when leaving, a tick when done. CSS (board.css) styles each
 * `look-*` class; the same marks appear in the legend.
 */
import type { PodLook } from '../../protocol/views';

/** The mark inside a pod disc of radius r, as an SVG path (stroked unless the class says fill). */
export function markPath(look: PodLook, r: number): string {
  const k = r * 0.5;
  switch (look) {
    case 'running':
      // a quaver: head + stem + flag; a plain dot when too small to read
      return r >= 7
        ? `M${-k * 0.35},${k * 0.55} m${-k * 0.45},0 a${k * 0.45},${k * 0.38} 0 1,0 ${k * 0.9},0 a${k * 0.45},${k * 0.38} 0 1,0 ${-k * 0.9},0 M${k * 0.1},${k * 0.55} V${-k} q${k * 0.5},${k * 0.3} ${k * 0.7},${k * 0.8}`
        : `M0,0 m${-k * 0.5},0 a${k * 0.5},${k * 0.5} 0 1,0 ${k},0 a${k * 0.5},${k * 0.5} 0 1,0 ${-k},0`;
    case 'creating':
      return `M0,${-k} A${k},${k} 0 1,1 ${-k},0`;
    case 'notready':
      return `M${-k},${k * 0.2} l${k * 0.5},${-k * 0.6} l${k * 0.5},${k * 0.8} l${k * 0.5},${-k * 0.8} l${k * 0.5},${k * 0.6}`;
    case 'crashloop':
    case 'failed':
      return `M${-k},${-k} L${k},${k} M${k},${-k} L${-k},${k}`;
    case 'terminating':
      return `M${-k},0 H${k}`;
    case 'succeeded':
      return `M${-k},0 L${-k * 0.25},${k * 0.7} L${k},${-k * 0.7}`;
    case 'unknown':
      return `M${-k * 0.5},${-k * 0.5} a${k * 0.5},${k * 0.5} 0 1,1 ${k * 0.5},${k * 0.5} v${k * 0.3} M0,${k} v0.01`;
    case 'pending':
      return '';
  }
}

/** Plain words for each look (legend, tooltips). */
export const LOOK_WORDS: Readonly<Record<PodLook, { title: string; meaning: string }>> = {
  running: { title: 'Playing', meaning: 'Running and Ready' },
  creating: { title: 'Tuning', meaning: 'on a node, containers starting' },
  pending: { title: 'In the wings', meaning: 'Pending: not scheduled yet' },
  notready: { title: 'Out of tune', meaning: 'Running, not Ready' },
  crashloop: { title: 'Crashing', meaning: 'CrashLoopBackOff or an error' },
  terminating: { title: 'Leaving', meaning: 'Terminating' },
  succeeded: { title: 'Done', meaning: 'Succeeded' },
  failed: { title: 'Failed', meaning: 'Failed' },
  unknown: { title: 'Lost', meaning: 'Unknown: node unreachable' },
};

export const LEGEND_LOOKS: readonly PodLook[] = ['running', 'creating', 'pending', 'notready', 'crashloop', 'terminating'];
