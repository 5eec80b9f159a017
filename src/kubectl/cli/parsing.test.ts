/** Shell words (bash's splitting) and flags (spf13/pflag's parsing and its exact error texts). */
import { describe, expect, it } from 'vitest';
import { FlagError } from '../errors';
import { FlagSet, type FlagDef } from './flags';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on blanks and keeps quoted text together', () => {
    expect(tokenize(`get pods -o jsonpath='{.items[*].metadata.name}' "a b" c\\ d`).words).toEqual(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}', 'a b', 'c d']);
  });
  it('single quotes are literal; double quotes honour \\" \\\\ \\$', () => {
    expect(tokenize(`'a\\"b' "c\\"d\\\\e\\$f\\x"`).words).toEqual(['a\\"b', 'c"d\\e$f\\x']);
  });
  it('empty quoted words survive', () => {
    expect(tokenize(`label pod x a="" ''`).words).toEqual(['label', 'pod', 'x', 'a=', '']);
  });
  it('reports unfinished input (open quote, trailing backslash) so the shell asks for more', () => {
    expect(tokenize('get "pods').incomplete).toBe(true);
    expect(tokenize('get pods \\').incomplete).toBe(true);
    expect(tokenize('get \\\npods').words).toEqual(['get', 'pods']);
  });
  it('recognises heredocs in their three spellings', () => {
    expect(tokenize('apply -f - <<EOF')).toEqual({ words: ['apply', '-f', '-'], heredoc: { delimiter: 'EOF', stripTabs: false } });
    expect(tokenize(`apply -f - <<'END'`).heredoc).toEqual({ delimiter: 'END', stripTabs: false });
    expect(tokenize('apply -f - <<-EOF').heredoc).toEqual({ delimiter: 'EOF', stripTabs: true });
  });
  it('flags pipes and redirections it does not run', () => {
    expect(tokenize('get pods | grep web')).toEqual({ words: ['get', 'pods'], unsupported: '|' });
    expect(tokenize('get pods > out.txt').unsupported).toBe('>');
    expect(tokenize(`get pods -o 'jsonpath={a|b}'`).unsupported).toBeUndefined();
  });
});

describe('flags (pflag)', () => {
  const defs: FlagDef[] = [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'replicas', type: 'int', default: -1 },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'timeout', type: 'duration' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
  ];
  const fs = () => new FlagSet('kubectl get', defs);
  const err = (argv: string[]) => {
    try {
      fs().parse(argv);
    } catch (e) {
      expect(e).toBeInstanceOf(FlagError);
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };

  it('parses every spelling, flags anywhere among the arguments, and -- ends flags', () => {
    const p = fs().parse(['pods', '-owide', '-wA', '--replicas=3', '-l', 'app=web', '--', 'x', '-y']);
    expect(p.flags).toMatchObject({ output: 'wide', watch: true, 'all-namespaces': true, replicas: 3, selector: 'app=web' });
    expect(p.args).toEqual(['pods', 'x', '-y']);
    expect(p.argsLenAtDash).toBe(1);
    expect([...p.changed].sort()).toEqual(['all-namespaces', 'output', 'replicas', 'selector', 'watch']);
  });
  it('keeps defaults for flags not given and marks nothing changed', () => {
    const p = fs().parse(['pods']);
    expect(p.flags).toMatchObject({ replicas: -1, watch: false, 'dry-run': 'none', filename: [] });
    expect(p.changed.size).toBe(0);
  });
  it('slices accumulate and split on commas; --flag alone takes its no-value default', () => {
    const p = fs().parse(['-f', 'a.yaml,b.yaml', '--filename=c.yaml', '--dry-run']);
    expect(p.flags.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(p.flags['dry-run']).toBe('unchanged');
  });
  it('parses Go durations', () => {
    expect(fs().parse(['--timeout=1m30s']).flags.timeout).toBe(90_000);
  });
  it("prints pflag's messages", () => {
    expect(err(['--nope'])).toBe('unknown flag: --nope');
    expect(err(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(err(['-o'])).toBe("flag needs an argument: 'o' in -o");
    expect(err(['--output'])).toBe('flag needs an argument: --output');
    expect(err(['--replicas=abc'])).toBe('invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
  });
  it('--help is noticed, not an error', () => {
    expect(fs().parse(['pods', '--help']).help).toBe(true);
  });
});
