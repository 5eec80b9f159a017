/**
 * The terminal itself (loaded on first open): xterm.js sized to the dock, its colours taken from
 * the app's theme, and the shell that runs kubectl against the worker through the bridge. The
 * terminal and shell live for the page, so closing the panel loses nothing.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { parse } from 'yaml';
import { defaultKubeconfig } from '../../kubectl/config/kubeconfig';
import { ExitError } from '../../kubectl/errors';
import type { EditHook } from '../../kubectl/types';
import { mirror } from '../bridge';
import { editorDock } from '../editor';
import { bridgeTransport } from './bridgeTransport';
import { terminalDock } from './dock';
import { terminalFiles } from './files';
import { Shell } from './shell/shell';

const PALETTES: Record<'dark' | 'light', ITheme> = {
  dark: {
    black: '#1c2746', red: '#ff7a59', green: '#2fbf8f', yellow: '#f3bd55', blue: '#7fc6ff', magenta: '#d7a6ff', cyan: '#6fe0d8', white: '#e9eef8',
    brightBlack: '#7f8ba6', brightRed: '#ff9b80', brightGreen: '#5fd9ad', brightYellow: '#ffd98a', brightBlue: '#a6d8ff', brightMagenta: '#e5c4ff', brightCyan: '#9ff0ea', brightWhite: '#ffffff',
  },
  light: {
    black: '#1b2232', red: '#c4430f', green: '#00855f', yellow: '#9a6400', blue: '#0b6fb8', magenta: '#8a3fb8', cyan: '#007a80', white: '#6f7890',
    brightBlack: '#465069', brightRed: '#d9541f', brightGreen: '#00a070', brightYellow: '#b87a00', brightBlue: '#1d85d0', brightMagenta: '#a050d0', brightCyan: '#00939a', brightWhite: '#1b2232',
  },
};

function theme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (n: string) => css.getPropertyValue(n).trim();
  const mode = document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
  return {
    ...PALETTES[mode],
    background: v('--bg-2'),
    foreground: v('--text'),
    cursor: v('--accent'),
    cursorAccent: v('--bg-2'),
    selectionBackground: mode === 'light' ? 'rgba(11, 111, 184, 0.25)' : 'rgba(127, 198, 255, 0.3)',
  };
}

/** `kubectl edit` in the playground: the object opens in the YAML editor, where Apply saves it. */
const openInEditor: EditHook = async ({ text }) => {
  type Meta = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
  let objs: Meta[] = [];
  try {
    const doc = parse(text) as Meta & { items?: Meta[] };
    objs = doc?.kind === 'List' ? (doc.items ?? []) : [doc];
  } catch {
    /* kubectl printed something that is not YAML: nothing to open */
  }
  const opened: string[] = [];
  for (const o of objs) {
    if (!o?.kind || !o.metadata?.name) continue;
    editorDock.openObject({ kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace });
    const group = o.apiVersion?.includes('/') ? `.${o.apiVersion.split('/')[0]}` : '';
    opened.push(`${o.kind.toLowerCase()}${group}/${o.metadata.name}`);
  }
  throw new ExitError(`Opened ${opened.join(', ')} in the YAML editor: change it there and press Apply to save it.`, 0);
};

interface Live {
  term: Terminal;
  fit: FitAddon;
  shell: Shell;
}
/** One terminal per page, created on first open. */
let live: Live | undefined;

function create(): Live {
  const css = getComputedStyle(document.documentElement);
  const term = new Terminal({
    fontFamily: css.getPropertyValue('--mono').trim() || 'monospace',
    fontSize: 13,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: 5000,
    theme: theme(),
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  const shell = new Shell({
    transport: bridgeTransport,
    now: () => mirror.getState().clock.now,
    kubeconfig: defaultKubeconfig('https://kubeplay.local:6443'),
    files: terminalFiles,
    fileNames: () => terminalFiles.names(),
    edit: openInEditor,
    tzOffset: (ms) => -new Date(ms).getTimezoneOffset(),
    tty: true,
    write: (t) => term.write(t),
    cols: () => term.cols,
    clearScreen: () => term.clear(),
  });
  // Ctrl+C copies when text is selected (and interrupts otherwise); Ctrl+` is the panel's toggle.
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    if (e.ctrlKey && e.key === 'c' && term.hasSelection()) {
      void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
      term.clearSelection();
      return false;
    }
    if (e.ctrlKey && e.key === '`') return false;
    return true;
  });
  term.onData((d) => shell.input(d));
  return { term, fit, shell };
}

export default function TerminalPanel({ open }: { open: boolean }) {
  const screen = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = screen.current!;
    const first = !live;
    live ??= create();
    const { term, fit, shell } = live;
    if (term.element) el.appendChild(term.element);
    else term.open(el);
    fit.fit();
    if (first) shell.start('kubeplay terminal — kubectl 1.32 against the cluster on the board. Type \x1b[1mhelp\x1b[0m, or try \x1b[1mkubectl get pods\x1b[0m.\n');
    const resize = new ResizeObserver(() => {
      if (el.offsetParent !== null) fit.fit();
    });
    resize.observe(el);
    const themed = new MutationObserver(() => (term.options.theme = theme()));
    themed.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    (window as unknown as { kubeplayTerminal?: Live }).kubeplayTerminal = live;
    return () => {
      resize.disconnect();
      themed.disconnect();
    };
  }, []);
  useEffect(() => {
    if (!open || !live) return;
    live.fit.fit();
    live.term.focus();
  }, [open]);
  return (
    <>
      <div className="terminal-head">
        <strong>kubectl</strong>
        <span>Tab completes · ↑ history · Ctrl+R search · Ctrl+C cancels</span>
        <span className="spacer" />
        <button onClick={() => live?.term.clear()} title="Clear the screen (Ctrl+L)">
          Clear
        </button>
        <button onClick={() => terminalDock.close()} title="Close (`)" aria-label="Close the terminal">
          ✕
        </button>
      </div>
      <div className="terminal-screen" ref={screen} data-testid="terminal-screen" />
    </>
  );
}
