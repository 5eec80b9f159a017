/** Play/pause, step, speed and the simulated clock. */
import { SPEEDS, useMirror } from '../bridge';
import { actions } from '../actions';
import { Icon } from '../components/Icon';
import { useUi } from '../state/uiStore';
import { clockText, elapsedText, speedText } from './format';

function speedIndex(speed: number): number {
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(SPEEDS[best] / speed))) best = i;
  });
  return best;
}

export function TimeControls() {
  const playing = useMirror((s) => s.clock.playing);
  // The clock shows whole seconds: re-render once a second, not on every batch of deltas.
  const now = useMirror((s) => Math.floor(s.clock.now / 1000) * 1000);
  const start = useMirror((s) => s.clock.start);
  const lagging = useMirror((s) => s.clock.lagging);
  const live = useMirror((s) => s.status === 'live');
  const speed = useUi((s) => s.speed);
  return (
    <div className="time" role="group" aria-label="Time controls">
      <button
        className="btn icon-btn primary"
        onClick={() => actions.togglePlay()}
        disabled={!live}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button className="btn icon-btn" onClick={() => actions.step()} disabled={!live} aria-label="Step to the next change" title="Step to the next change (.)">
        <Icon name="step" />
      </button>
      <label className="speed" title="Speed ([ and ])">
        <span className="visually-hidden">Speed</span>
        <input
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex(speed)}
          aria-valuetext={speedText(speed)}
          onChange={(e) => actions.setSpeed(SPEEDS[Number(e.target.value)])}
        />
        <output className="speed-value" aria-live="off">
          {speedText(speed)}
        </output>
      </label>
      <div className={`clock${lagging ? ' lagging' : ''}`} aria-label="Simulated time" role="timer" title={lagging ? 'The simulation is running slower than asked' : 'Simulated time'}>
        <span className="clock-time" data-testid="sim-clock">
          {now ? clockText(now) : '--:--:--'}
        </span>
        <span className="clock-elapsed">{now ? elapsedText(now - start) : ''}</span>
      </div>
    </div>
  );
}
