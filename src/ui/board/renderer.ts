/** The contract between the Board component and each view's d3 renderer. */
import type { MirrorState } from '../bridge';
import type { UiState } from '../state/uiStore';
import type { BoardModel } from './model';

export interface RenderContext {
  model: BoardModel;
  mirror: MirrorState;
  ui: UiState;
  width: number;
  height: number;
  reduced: boolean;
  /** Asks for another draw next frame (work was spread over frames). */
  again(): void;
}

export interface Renderer {
  /** Brings the drawing up to date. Called at most once per animation frame. */
  update(ctx: RenderContext): void;
  /** Removes everything it added and stops its timers. */
  destroy(): void;
}

export type RendererFactory = (host: HTMLElement) => Renderer;
