/**
 * One step of a control loop drawn as a message in flight: a spark from the actor to the API
 * server (the write), a flash at etcd (stored, new resourceVersion), then from the API server to
 * the object that changed (the watch event the next component will react to), ending in a ripple.
 */
import type { Selection } from 'd3';
import { ease } from '../motion';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface Pt {
  x: number;
  y: number;
}

export function drawComet(layer: G, from: Pt, api: Pt, to: Pt, actorClass: string, legMs: number, reduced: boolean): void {
  const route = layer
    .append('path')
    .attr('class', `comet-route ${actorClass}`)
    .attr('d', `M${from.x},${from.y} Q${(from.x + api.x) / 2},${Math.min(from.y, api.y) - 30} ${api.x},${api.y} T${to.x},${to.y}`);
  if (reduced) {
    // No travel: show the route and the ripple at once, then clear.
    const ring = layer.append('circle').attr('class', `comet-ripple ${actorClass}`).attr('cx', to.x).attr('cy', to.y).attr('r', 12);
    setTimeout(() => {
      route.remove();
      ring.remove();
    }, legMs * 2);
    return;
  }
  route.style('opacity', 0).transition().duration(legMs * 0.5).style('opacity', 1).transition().delay(legMs * 2).duration(legMs).style('opacity', 0).remove();
  const spark = layer.append('circle').attr('class', `comet ${actorClass}`).attr('r', 5).attr('cx', from.x).attr('cy', from.y);
  spark
    .transition()
    .duration(legMs)
    .ease(ease)
    .attr('cx', api.x)
    .attr('cy', api.y)
    .transition()
    .duration(legMs)
    .ease(ease)
    .attr('cx', to.x)
    .attr('cy', to.y)
    .on('end', () => {
      layer
        .append('circle')
        .attr('class', `comet-ripple ${actorClass}`)
        .attr('cx', to.x)
        .attr('cy', to.y)
        .attr('r', 4)
        .transition()
        .duration(legMs * 1.2)
        .attr('r', 22)
        .style('opacity', 0)
        .remove();
    })
    .remove();
}
