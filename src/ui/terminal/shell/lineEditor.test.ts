/** The prompt line: editing keys, history, reverse search, and redraws that survive wrapping. */
import { describe, expect, it } from 'vitest';
import { LineEditor } from './lineEditor';

function editor(cols = 80) {
  let out = '';
  const ed = new LineEditor((s) => (out += s), () => cols);
  ed.start('$ ');
  const type = (...keys: string[]) => keys.map((k) => ed.feed(k)).filter(Boolean).pop();
  return { ed, type, out: () => out, reset: () => (out = '') };
}

describe('LineEditor', () => {
  it('inserts at the cursor, moves, deletes and submits', () => {
    const { ed, type } = editor();
    type('get pods');
    type('\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', 'x');
    expect(ed.line).toBe('get xpods');
    type('\x7f', '\x01', '\x1b[3~');
    expect(ed.line).toBe('et pods');
    type('\x05', '\x17');
    expect(ed.line).toBe('et ');
    expect(type('\r')).toEqual({ type: 'submit', line: 'et ' });
  });

  it('Ctrl+U and Ctrl+K cut before and after the cursor', () => {
    const { ed, type } = editor();
    type('kubectl get pods', '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', '\x15');
    expect(ed.line).toBe('pods');
    type('\x1b[C', '\x0b');
    expect(ed.line).toBe('p');
  });

  it('walks history with the arrows and keeps the line being typed', () => {
    const { ed, type } = editor();
    ed.addHistory('kubectl get pods');
    ed.addHistory('kubectl get nodes');
    ed.addHistory('kubectl get nodes');
    expect(ed.entries).toEqual(['kubectl get pods', 'kubectl get nodes']);
    ed.start('$ ');
    type('draft');
    type('\x1b[A');
    expect(ed.line).toBe('kubectl get nodes');
    type('\x1b[A', '\x1b[A');
    expect(ed.line).toBe('kubectl get pods');
    type('\x1b[B', '\x1b[B');
    expect(ed.line).toBe('draft');
  });

  it('Ctrl+R finds older entries containing the query; Enter runs the match', () => {
    const { ed, type, out } = editor();
    for (const h of ['kubectl get pods', 'kubectl scale deploy web --replicas=5', 'kubectl get nodes']) ed.addHistory(h);
    ed.start('$ ');
    type('\x12', 'g', 'e', 't');
    expect(out()).toContain("(reverse-i-search)`get': kubectl get nodes");
    type('\x12');
    expect(out()).toContain("(reverse-i-search)`get': kubectl get pods");
    expect(type('\r')).toEqual({ type: 'submit', line: 'kubectl get pods' });
  });

  it('Ctrl+R with no match says so; Escape keeps the match for editing', () => {
    const { ed, type, out } = editor();
    ed.addHistory('kubectl get pods');
    ed.start('$ ');
    type('\x12', 'z');
    expect(out()).toContain("(failed reverse-i-search)`z': ");
    type('\x7f', 'p', 'o', '\x1b');
    expect(ed.line).toBe('kubectl get pods');
    type('\x1b[D', 'X');
    expect(ed.line).toBe('kubectl get podXs');
  });

  it('reports Ctrl+C, Ctrl+L, Tab and Ctrl+D on an empty line to the shell', () => {
    const { ed, type, out } = editor();
    expect(type('abc', '\x01', '\x03')).toEqual({ type: 'interrupt' });
    expect(out().endsWith('$ abc\r\x1b[5C^C\r\n')).toBe(true);
    ed.start('$ ');
    expect(type('\x0c')).toEqual({ type: 'clear' });
    expect(type('\x04')).toEqual({ type: 'eof' });
    expect(type('k g', '\t')).toEqual({ type: 'complete', line: 'k g', cursor: 3 });
  });

  it('redraws a wrapped line from its first row and puts the cursor back', () => {
    const { type, out, reset } = editor(10);
    type('0123456789abc'); // "$ " + 13 chars: two rows, cursor on row 1, column 5
    reset();
    type('\x01'); // home: up one row, clear, redraw, then back up to row 0, column 2
    expect(out()).toBe('\x1b[1A\r\x1b[J$ 0123456789abc\x1b[1A\r\x1b[2C');
    reset();
    type('\x05');
    expect(out()).toBe('\r\x1b[J$ 0123456789abc\r\x1b[5C');
  });

  it('at the exact end of a row the cursor is made to wrap', () => {
    const { type, out } = editor(10);
    type('01234567');
    expect(out().endsWith('$ 01234567 \r\r')).toBe(true);
  });
});
