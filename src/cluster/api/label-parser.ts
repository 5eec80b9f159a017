/**
 * The label-selector string grammar of k8s.io/apimachinery/pkg/labels.Parse (v1.32), ported as a
 * lexer plus recursive-descent parser so that accepted inputs and error messages match upstream:
 *
 *   selector    ::= requirement ("," requirement)*  |  ""
 *   requirement ::= ["!"] KEY [ ("in"|"notin") "(" values ")" | ("="|"=="|"!="|">"|"<") VALUE ]
 */
import { byKey, labelKeyError, newRequirement } from './requirement';
import type { Operator, Requirement } from './requirement';

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
type Item = { tok: Tok; lit: string };

// Literal tokens; everything else that is not whitespace or a special symbol is an identifier.
const literalTokens: Record<string, Tok> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => ch.length === 1 && '=!(),><'.includes(ch);
const tokenOf = (s: string): Tok | undefined => (Object.hasOwn(literalTokens, s) ? literalTokens[s] : undefined);

/** Splits the selector into tokens, ending with 'eos'. A NUL character ends input, as in Go. */
function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++]! : '\0');
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    pos--;
    if (isSpecial(ch)) {
      // longest run of special symbols that still forms a known operator ("!=", "==")
      let buf = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (!isSpecial(c)) {
          pos--;
          break;
        }
        buf += c;
        const t = tokenOf(buf);
        if (t) last = { tok: t, lit: buf };
        else if (last) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecial(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buf += c;
      }
      items.push({ tok: tokenOf(buf) ?? 'id', lit: buf });
    }
  }
}

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  // In value position the keywords "in"/"notin" are ordinary identifiers.
  private asValue(it: Item): Item {
    return it.tok === 'in' || it.tok === 'notin' ? { tok: 'id', lit: it.lit } : it;
  }
  peek(values = true): Item {
    const it = this.items[this.pos]!;
    return values ? this.asValue(it) : it;
  }
  next(values = true): Item {
    const it = this.items[this.pos++]!;
    return values ? this.asValue(it) : it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek();
      if (tok === 'eos') return reqs;
      if (tok !== 'id' && tok !== '!') throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`);
      }
      const after = this.next();
      if (after.tok === 'eos') return reqs;
      if (after.tok !== ',') throw new Error(`found '${after.lit}', expected: ',' or 'end of string'`);
      const t2 = this.peek();
      if (t2.tok !== 'id' && t2.tok !== '!') throw new Error(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let negated = false;
    let it = this.next();
    if (it.tok === '!') {
      negated = true;
      it = this.next();
    }
    if (it.tok !== 'id') throw new Error(`found '${it.lit}', expected: identifier`);
    const key = it.lit;
    const keyErr = labelKeyError(key, '<nil>');
    if (keyErr) throw new Error(keyErr);
    const la = this.peek().tok;
    if (negated || la === 'eos' || la === ',') return newRequirement(key, negated ? 'DoesNotExist' : 'Exists', []);
    const op = this.operator();
    const values = op === 'In' || op === 'NotIn' ? this.setValues() : this.exactValue();
    // upstream collects values in a string set: deduplicated and sorted
    return newRequirement(key, op, [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private operator(): Operator {
    const { tok, lit } = this.next(false);
    const ops: Partial<Record<Tok, Operator>> = {
      in: 'In',
      '=': 'Equals',
      '==': 'Equals',
      '>': 'GreaterThan',
      '<': 'LessThan',
      notin: 'NotIn',
      '!=': 'NotEquals',
    };
    const op = ops[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${binaryOperators}`);
    return op;
  }

  private setValues(): string[] {
    const open = this.next();
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.peek();
    if (tok === ')') {
      this.next();
      return [''];
    }
    if (tok !== 'id' && tok !== ',') throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    const values = this.identifiers();
    this.next(); // the ')' that identifiers() stopped at
    return values;
  }

  // A possibly empty, comma-separated list in which empty entries stand for "".
  private identifiers(): string[] {
    const out: string[] = [];
    for (;;) {
      const it = this.next();
      if (it.tok === 'id') {
        out.push(it.lit);
        const la = this.peek();
        if (la.tok === ',') continue;
        if (la.tok === ')') return out;
        throw new Error(`found '${la.lit}', expected: ',' or ')'`);
      } else if (it.tok === ',') {
        if (out.length === 0) out.push(''); // "(,"
        const la = this.peek().tok;
        if (la === ')') {
          out.push(''); // ",)"
          return out;
        }
        if (la === ',') {
          this.next();
          out.push(''); // ",,"
        }
      } else {
        throw new Error(`found '${it.lit}', expected: ',', or identifier`);
      }
    }
  }

  private exactValue(): string[] {
    const la = this.peek().tok;
    if (la === 'eos' || la === ',') return [''];
    const it = this.next();
    if (it.tok === 'id') return [it.lit];
    throw new Error(`found '${it.lit}', expected: identifier`);
  }
}

/**
 * labels.Parse: parses `a=b,c in (x,y),!d,e>1` into requirements sorted by key ("" → everything).
 * Throws an Error with upstream's message, e.g. `unable to parse requirement: found '', expected: identifier`.
 * `==` is read as Equals, so it prints back as `=`.
 */
export function parseSelector(s: string): Requirement[] {
  return new Parser(lex(s)).parse().sort(byKey);
}
