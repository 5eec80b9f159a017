/**
 * Per-document results of the last apply, kubectl's words first. Errors say where (click to go
 * to the document); a conflict offers the two ways out; warnings from the API server are shown.
 */
import { explain } from '../markers/fromResult';
import type { DocOutcome } from '../run/applyBuffer';

const ICON: Record<string, string> = { created: '+', configured: '~', unchanged: '=', error: '!' };

export function Results({ results, onJump, onReload, onOverwrite, onCompare }: { results: DocOutcome[]; onJump: (line: number) => void; onReload: () => void; onOverwrite: () => void; onCompare: () => void }) {
  if (!results.length) return null;
  return (
    <ol className="ed-results" aria-label="Apply results" data-testid="editor-results">
      {results.map((r) => (
        <li key={r.index} className={`ed-result ${r.outcome}`} data-outcome={r.outcome}>
          <button className="ed-result-line" onClick={() => onJump(r.line)} title={`Document ${r.index + 1}, line ${r.line}`}>
            <span className="ed-result-icon" aria-hidden="true">
              {ICON[r.outcome]}
            </span>
            <span className="ed-result-text">{r.outcome === 'error' ? errorText(r) : r.message}</span>
          </button>
          {r.status && !r.conflict && explain(r.status) && <div className="ed-result-hint">{explain(r.status)}</div>}
          {r.conflict && (
            <div className="ed-result-actions">
              <span>Someone changed it after you opened it.</span>
              <button className="btn" onClick={onCompare}>
                Compare
              </button>
              <button className="btn" onClick={onReload}>
                Reload theirs
              </button>
              <button className="btn" onClick={onOverwrite} data-testid="editor-overwrite">
                Re-apply mine
              </button>
            </div>
          )}
          {r.events?.map((e) => (
            <div key={e} className="ed-result-warning" data-testid="editor-refusal">
              ⚠ {e}
            </div>
          ))}
          {r.warnings.map((w) => (
            <div key={w} className="ed-result-warning">
              Warning: {w}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

/** kubectl quotes the whole patch in a failed apply; here the reason is what matters. */
function errorText(r: DocOutcome): string {
  if (r.status && /error when applying patch/.test(r.message)) {
    const kind = r.ref ? `${r.ref.kind.toLowerCase()}/${r.ref.name}: ` : '';
    return `${kind}Error from server (${r.status.reason || r.status.code}): ${r.status.message}`;
  }
  return r.message;
}
