/** The app shell: top bar, the board with its overlays, the details panel and the event feed. */
import { useEffect } from 'react';
import { engine } from '../bridge';
import { Board } from '../board/Board';
import { EditorDock } from '../editor';
import { TerminalDock } from '../terminal';
import { DetailsPanel } from '../panels/DetailsPanel';
import { EventFeed } from '../panels/EventFeed';
import { reducedMotion, useUi } from '../state/uiStore';
import { EngineBanner } from './EngineBanner';
import { HelpDialog } from './HelpDialog';
import { LoopNarration } from './LoopNarration';
import { useShortcuts } from './shortcuts';
import { StageBar } from './StageBar';
import { Toast } from './Toast';
import { Tooltip } from './Tooltip';
import { TopBar } from './TopBar';

let started = false;

export function App() {
  const theme = useUi((s) => s.theme);
  const presenter = useUi((s) => s.presenter);
  const reduced = useUi(reducedMotion);
  const details = useUi((s) => !!s.selection);
  const feed = useUi((s) => s.feedOpen);
  useShortcuts();
  useEffect(() => {
    // Once per page, even under StrictMode's double effects.
    if (started) return;
    started = true;
    void engine.start();
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.presenter = String(presenter);
    root.dataset.motion = reduced ? 'reduced' : 'full';
  }, [theme, presenter, reduced]);
  return (
    <div className={`app${details ? ' with-details' : ''}${feed ? ' with-feed' : ''}`}>
      <TopBar />
      <main className="stage" aria-label="Cluster board">
        <StageBar />
        <Board />
        <LoopNarration />
        <EngineBanner />
        <Tooltip />
        <Toast />
      </main>
      <DetailsPanel />
      <EventFeed />
      <HelpDialog />
      <EditorDock />
      <TerminalDock />
    </div>
  );
}
