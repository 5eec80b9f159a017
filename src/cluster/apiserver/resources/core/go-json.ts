/**
 * The error Go's `json.Unmarshal(b, &map[string]interface{}{})` returns, for the docker-config
 * secret checks: encoding/json's syntax scanner (same messages, first error wins), then the type
 * error for valid JSON that is not an object.
 */

// Go's quoteChar: strconv.Quote without the double quotes, except for the two quote characters.
const quoteChar = (c: string) => (c === "'" ? "'\\''" : c === '"' ? `'"'` : `'${JSON.stringify(c).slice(1, -1)}'`);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /[0-9a-fA-F]/.test(c);

class SyntaxError_ extends Error {}
const fail = (c: string, ctx: string): never => {
  throw new SyntaxError_(`invalid character ${quoteChar(c)} ${ctx}`);
};
const eof = (): never => {
  throw new SyntaxError_('unexpected end of JSON input');
};

// A recursive-descent checker producing encoding/json scanner messages.
function scan(s: string): void {
  let i = 0;
  const ws = () => {
    while (i < s.length && isSpace(s[i]!)) i++;
  };
  const at = () => (i < s.length ? s[i]! : eof());
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      const c = at();
      if (c !== word[k]) fail(c, `in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i++;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      const c = at();
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        const e = at();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            const h = at();
            if (!isHex(h)) fail(h, 'in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) fail(e, 'in string escape code');
      } else if (c < ' ') fail(c, 'in string literal');
      i++;
    }
  };
  const number = () => {
    if (s[i] === '-') {
      i++;
      const c = at();
      if (!isDigit(c)) fail(c, 'in numeric literal');
    }
    if (s[i] === '0') i++;
    else while (isDigit(s[i])) i++;
    if (s[i] === '.') {
      i++;
      const c = at();
      if (!isDigit(c)) fail(c, 'after decimal point in numeric literal');
      while (isDigit(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (at() === '+' || s[i] === '-') i++;
      const c = at();
      if (!isDigit(c)) fail(c, 'in exponent of numeric literal');
      while (isDigit(s[i])) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = at();
    if (c === '{') {
      i++;
      ws();
      if (at() === '}') return void i++;
      for (;;) {
        ws();
        const k = at();
        if (k !== '"') fail(k, 'looking for beginning of object key string');
        string();
        ws();
        const colon = at();
        if (colon !== ':') fail(colon, 'after object key');
        i++;
        value();
        ws();
        const sep = at();
        if (sep === '}') return void i++;
        if (sep !== ',') fail(sep, 'after object key:value pair');
        i++;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (at() === ']') return void i++;
      for (;;) {
        value();
        ws();
        const sep = at();
        if (sep === ']') return void i++;
        if (sep !== ',') fail(sep, 'after array element');
        i++;
      }
    }
    if (c === '"') return string();
    if (c === '-' || isDigit(c)) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail(c, 'looking for beginning of value');
  };
  value();
  ws();
  if (i < s.length) fail(s[i]!, 'after top-level value');
}

/** undefined when the text decodes into a map (or is `null`), else Go's error text. */
export function goJSONError(text: string): string | undefined {
  try {
    scan(text);
  } catch (e) {
    if (e instanceof SyntaxError_) return e.message;
    throw e;
  }
  const v: unknown = JSON.parse(text);
  if (v === null || (typeof v === 'object' && !Array.isArray(v))) return undefined;
  const kind = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}
