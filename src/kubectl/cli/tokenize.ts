/**
 * Shell words as bash would split a kubectl line: whitespace separates words; '…' is literal;
 * "…" keeps spaces and honours \" \\ \$ \`; a backslash outside quotes escapes the next character
 * (and a backslash-newline joins lines). `<<EOF` heredocs are recognised for `apply -f -`.
 */

export interface Tokenized {
  words: string[];
  /** Heredoc delimiter (`<<EOF`, `<<'EOF'`, `<<-EOF`), when the line has one. */
  heredoc?: { delimiter: string; stripTabs: boolean };
  /** A `|` or `>` the playground's shell does not run. */
  unsupported?: string;
  /** The line ended inside quotes or after a backslash: more input is needed. */
  incomplete?: boolean;
}

export function tokenize(line: string): Tokenized {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '' | "'" | '"' = '';
  let heredoc: Tokenized['heredoc'];
  let unsupported: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      else cur += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
        if (line[i + 1] !== '\n') cur += line[i + 1];
        i++;
      } else cur += c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= line.length) return { words, incomplete: true };
      if (line[i + 1] !== '\n') {
        cur += line[i + 1];
        inWord = true;
      }
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    if (c === '<' && line[i + 1] === '<' && !inWord) {
      let j = i + 2;
      const stripTabs = line[j] === '-';
      if (stripTabs) j++;
      while (line[j] === ' ') j++;
      const m = /^(['"]?)([A-Za-z0-9_.-]+)\1/.exec(line.slice(j));
      if (m) {
        heredoc = { delimiter: m[2], stripTabs };
        i = j + m[0].length - 1;
        continue;
      }
    }
    if ((c === '|' || c === '>' || c === ';' || c === '&') && !inWord && !unsupported) {
      unsupported = c;
      break;
    }
    cur += c;
    inWord = true;
  }
  if (quote) return { words, incomplete: true };
  if (inWord) words.push(cur);
  return { words, heredoc, unsupported };
}
