/**
 * Where a pod is drawn at a given moment: a move from one point to its seat (eased, retargeted
 * from wherever it is when its seat changes mid-flight), a fade in when it enters and a fade out
 * when it leaves. Pure: time comes in as an argument, so it is tested without a browser.
 */
import { easeCubicInOut } from 'd3';

export interface Pt {
  x: number;
  y: number;
}

export interface Sprite {
  uid: string;
  from: Pt;
  to: Pt;
  /** When the current move started, and how long it lasts (0: already there). */
  moveAt: number;
  moveMs: number;
  fadeInAt: number;
  fadeInMs: number;
  /** Set once the pod is gone: it fades out where it stands, then is dropped. */
  fadeOutAt?: number;
  fadeOutMs: number;
}

export function placedSprite(uid: string, at: Pt): Sprite {
  return { uid, from: at, to: at, moveAt: 0, moveMs: 0, fadeInAt: 0, fadeInMs: 0, fadeOutMs: 0 };
}

/** A sprite that appears at `from`, fading in over `fadeMs`, and travels to `to` over `moveMs`. */
export function enteringSprite(uid: string, from: Pt, to: Pt, now: number, moveMs: number, fadeMs: number): Sprite {
  return { uid, from, to, moveAt: now, moveMs, fadeInAt: now, fadeInMs: fadeMs, fadeOutMs: 0 };
}

const progress = (now: number, at: number, ms: number) => (ms <= 0 ? 1 : Math.max(0, Math.min(1, (now - at) / ms)));

export function positionAt(s: Sprite, now: number): Pt {
  const k = progress(now, s.moveAt, s.moveMs);
  if (k >= 1) return s.to;
  const e = easeCubicInOut(k);
  return { x: s.from.x + (s.to.x - s.from.x) * e, y: s.from.y + (s.to.y - s.from.y) * e };
}

export function opacityAt(s: Sprite, now: number): number {
  const fin = easeCubicInOut(progress(now, s.fadeInAt, s.fadeInMs));
  const fout = s.fadeOutAt === undefined ? 0 : easeCubicInOut(progress(now, s.fadeOutAt, s.fadeOutMs));
  return fin * (1 - fout);
}

/** Sends the sprite to a new seat: instantly, or from where it is now. */
export function moveTo(s: Sprite, to: Pt, now: number, ms: number): void {
  if (ms <= 0) {
    s.from = s.to = to;
    s.moveMs = 0;
    return;
  }
  s.from = positionAt(s, now);
  s.to = to;
  s.moveAt = now;
  s.moveMs = ms;
}

export function isMoving(s: Sprite, now: number): boolean {
  return s.moveMs > 0 && now < s.moveAt + s.moveMs;
}

/** Still changing on screen (moving or fading). */
export function isAnimating(s: Sprite, now: number): boolean {
  return isMoving(s, now) || (s.fadeInMs > 0 && now < s.fadeInAt + s.fadeInMs) || (s.fadeOutAt !== undefined && now < s.fadeOutAt + s.fadeOutMs);
}

export function isGone(s: Sprite, now: number): boolean {
  return s.fadeOutAt !== undefined && now >= s.fadeOutAt + s.fadeOutMs;
}
