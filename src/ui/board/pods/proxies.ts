/**
 * The pods' accessible, clickable stand-ins. The canvas draws the pods; over each seat sits a
 * transparent focusable circle with the pod's accessible name (`pod web-…, Running, node
 * worker-2`), so the keyboard, screen readers, the pointer (the browser hit-tests them, round)
 * and tests reach every pod as before. They are SVG circles in one SVG: a thousand HTML boxes
 * spread over the stage made the compositor's layerisation a long task every frame, while an SVG
 * paints as one piece. A circle is touched only when its pod, its seat or the selection changed,
 * and shows only the keyboard focus ring (board.css).
 */
import type { ObjectRef, PodView } from '../../../protocol/views';
import { useUi } from '../../state/uiStore';
import { podLabel } from '../a11y';
import { delegateSelectable, sameRef, type Selectable } from '../interact';

export interface Seated {
  pod: PodView;
  x: number;
  y: number;
}

const SVG = 'http://www.w3.org/2000/svg';

interface Proxy {
  el: SVGCircleElement;
  /** The pod the element currently stands for (the delegated handlers read it here). */
  datum: { pod: PodView };
  x: number;
  y: number;
  on: boolean;
}

const selectable = (d: { pod: PodView }): Selectable => ({
  uid: d.pod.uid,
  ref: { kind: 'Pod', name: d.pod.name, namespace: d.pod.namespace, uid: d.pod.uid },
  label: podLabel(d.pod),
});

export class PodProxies {
  readonly el: SVGSVGElement;
  private readonly proxies = new Map<string, Proxy>();
  private r = -1;

  constructor(host: HTMLElement, label: string) {
    this.el = host.appendChild(document.createElementNS(SVG, 'svg'));
    this.el.setAttribute('class', 'pod-proxies');
    this.el.setAttribute('role', 'group');
    this.el.setAttribute('aria-label', label);
    delegateSelectable(this.el, (target) => {
      const p = this.proxies.get(target.getAttribute('data-uid') ?? '');
      return p && p.el === target ? { el: p.el, s: selectable(p.datum) } : undefined;
    });
  }

  resize(width: number, height: number): void {
    this.el.setAttribute('width', String(width));
    this.el.setAttribute('height', String(height));
  }

  /** One proxy per seated pod, each over its seat (new pods join the end of the keyboard order). */
  sync(seated: readonly Seated[], r: number): void {
    const resized = r !== this.r;
    this.r = r;
    const selected: ObjectRef | undefined = useUi.getState().selection;
    const seen = new Set<string>();
    for (const d of seated) {
      const uid = d.pod.uid;
      seen.add(uid);
      let p = this.proxies.get(uid);
      if (!p) {
        const el = this.el.appendChild(document.createElementNS(SVG, 'circle'));
        el.setAttribute('class', 'pod-proxy');
        el.setAttribute('r', String(r));
        el.setAttribute('data-uid', uid);
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'button');
        p = { el, datum: { pod: d.pod }, x: NaN, y: NaN, on: false };
        this.proxies.set(uid, p);
        this.label(p, selected);
      } else if (p.datum.pod !== d.pod) {
        p.datum.pod = d.pod;
        this.label(p, selected);
      } else if (p.on !== isOn(selected, d.pod)) this.label(p, selected);
      if (resized) p.el.setAttribute('r', String(r));
      if (!(Math.abs(p.x - d.x) < 0.05 && Math.abs(p.y - d.y) < 0.05)) {
        p.x = d.x;
        p.y = d.y;
        p.el.setAttribute('cx', String(Math.round(d.x * 10) / 10));
        p.el.setAttribute('cy', String(Math.round(d.y * 10) / 10));
      }
    }
    for (const [uid, p] of this.proxies) {
      if (seen.has(uid)) continue;
      p.el.remove();
      this.proxies.delete(uid);
    }
  }

  destroy(): void {
    this.el.remove();
  }

  private label(p: Proxy, selected: ObjectRef | undefined): void {
    const s = selectable(p.datum);
    const on = isOn(selected, p.datum.pod);
    p.on = on;
    if (p.el.getAttribute('aria-label') !== s.label) p.el.setAttribute('aria-label', s.label);
    p.el.setAttribute('aria-pressed', String(on));
    p.el.classList.toggle('selected', on);
  }
}

function isOn(selected: ObjectRef | undefined, pod: PodView): boolean {
  return !!selected && selected.kind === 'Pod' && sameRef(selected, { kind: 'Pod', name: pod.name, namespace: pod.namespace, uid: pod.uid });
}
