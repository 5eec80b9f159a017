/** The bar across the top: brand, view switch, time, and display toggles. */
import { Icon } from '../components/Icon';
import { EditorToggle } from '../editor';
import { TerminalToggle } from '../terminal';
import { ui, useUi, type ViewName } from '../state/uiStore';
import { TimeControls } from '../time/TimeControls';

const VIEWS: { id: ViewName; label: string; key: string }[] = [
  { id: 'orchestra', label: 'Orchestra', key: '1' },
  { id: 'dj', label: 'DJ board', key: '2' },
  { id: 'map', label: 'Map', key: '3' },
];

function Toggle({ on, label, icon, onClick, keyHint }: { on: boolean; label: string; icon: Parameters<typeof Icon>[0]['name']; onClick: () => void; keyHint: string }) {
  return (
    <button className={`btn icon-btn toggle${on ? ' on' : ''}`} aria-pressed={on} aria-label={label} title={`${label} (${keyHint})`} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

export function TopBar() {
  const view = useUi((s) => s.view);
  const theme = useUi((s) => s.theme);
  const presenter = useUi((s) => s.presenter);
  const loops = useUi((s) => s.loops);
  const motion = useUi((s) => s.motion);
  const feedOpen = useUi((s) => s.feedOpen);
  return (
    <header className="topbar">
      <div className="brand" aria-label="kubeplay">
        <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" className="logo">
          <circle cx="16" cy="16" r="14.5" className="logo-ring" />
          <path d="M9 22.5c3.5-1 7-4.5 9.5-9.5M18.5 13l4.5-4" className="logo-baton" />
          <circle cx="10" cy="22" r="2.6" className="logo-dot" />
        </svg>
        <span className="brand-name">kubeplay</span>
      </div>
      <nav className="views" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} className={`view-tab${view === v.id ? ' active' : ''}`} aria-pressed={view === v.id} onClick={() => ui.setView(v.id)} title={`${v.label} (${v.key})`}>
            {v.label}
          </button>
        ))}
      </nav>
      <TimeControls />
      <EditorToggle />
      <TerminalToggle />
      <div className="toggles" role="group" aria-label="Display">
        <Toggle on={loops} label="Control loops" icon="loops" keyHint="L" onClick={() => useUi.setState({ loops: !loops })} />
        <Toggle on={feedOpen} label="Event feed" icon="feed" keyHint="E" onClick={() => useUi.setState({ feedOpen: !feedOpen })} />
        <Toggle
          on={motion === 'reduced'}
          label="Reduce motion"
          icon="motion"
          keyHint="M"
          onClick={() => useUi.setState({ motion: motion === 'reduced' ? 'system' : 'reduced' })}
        />
        <Toggle on={presenter} label="Presenter mode (large type)" icon="text" keyHint="P" onClick={() => useUi.setState({ presenter: !presenter })} />
        <Toggle
          on={theme === 'light'}
          label={theme === 'light' ? 'Dark theme' : 'Light theme'}
          icon={theme === 'light' ? 'moon' : 'sun'}
          keyHint="T"
          onClick={() => useUi.setState({ theme: theme === 'light' ? 'dark' : 'light' })}
        />
        <Toggle on={false} label="Keyboard shortcuts" icon="help" keyHint="?" onClick={() => useUi.setState({ helpOpen: true })} />
      </div>
    </header>
  );
}
