/**
 * The printers against what kubectl 1.32 prints: Go's text/tabwriter as kubectl configures it,
 * client-go's jsonpath, custom columns, and the YAML/JSON printers (fixtures recorded from the
 * real kubectl: `get -o json` / `get -o yaml` of the same objects).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomColumnsPrinter, parseCustomColumns, relaxedJsonPath } from './customcolumns';
import { printJson } from './json';
import { JsonPath } from './jsonpath/jsonpath';
import { NoCompatiblePrinterError, objectPrinter, GET_FORMATS } from './output';
import { newDescribeWriter, tabulate } from './tabwriter';
import { toYaml } from './yaml/emitter';

const fixture = (n: string) => readFileSync(join(__dirname, '__fixtures__', n), 'utf8');

describe('tabwriter', () => {
  it('pads cells to the widest plus 3, with a minimum of 6; the last column is not padded', () => {
    expect(tabulate('NAME\tREADY\tAGE\nweb-1\t1/1\t5s\nx\t0/1\t10m\n')).toBe('NAME    READY   AGE\nweb-1   1/1     5s\nx       0/1     10m\n');
  });
  it('describe uses padding 2 and no minimum', () => {
    expect(tabulate('Name:\tweb\nNamespace:\tdefault\n', newDescribeWriter)).toBe('Name:       web\nNamespace:  default\n');
  });
  it('a line without tabs ends the column block (each block aligns on its own)', () => {
    expect(tabulate('a\tb\n\nlonger-name\tc\n')).toBe('a     b\n\nlonger-name   c\n');
  });
});

describe('jsonpath', () => {
  const list = {
    kind: 'List',
    items: [
      { metadata: { name: 'a', labels: { app: 'x' } }, spec: { replicas: 2, ports: [{ port: 80 }, { port: 443 }] } },
      { metadata: { name: 'b' }, spec: { replicas: 3 } },
    ],
  };
  const run = (t: string, data: unknown = list) => new JsonPath(t).execute(data);
  it('fields, wildcards and recursive descent join results with spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('{..name}')).toBe('a b');
    expect(run('{.items[0].spec.ports[*].port}')).toBe('80 443');
  });
  it('range/end, literals and text around expressions', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}')).toBe('a\t2\nb\t3\n');
    expect(run('names: {.items[*].metadata.name}!')).toBe('names: a b!');
  });
  it('maps print as JSON, slices and filters select', () => {
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"x"}');
    expect(run('{.items[-1:].metadata.name}')).toBe('b');
    expect(run('{.items[?(@.spec.replicas>2)].metadata.name}')).toBe('b');
    expect(run("{.items[?(@.metadata.name=='a')].spec.replicas}")).toBe('2');
  });
  it('a missing key is an error unless missing keys are allowed', () => {
    expect(() => run('{.items[0].nope}')).toThrow('nope is not found');
    const jp = new JsonPath('{.items[0].nope}');
    jp.allowMissingKeys = true;
    expect(jp.execute(list)).toBe('');
  });
});

describe('custom columns', () => {
  it('accepts the relaxed path spellings', () => {
    for (const p of ['a.b', '.a.b', '{a.b}', '{.a.b}']) expect(relaxedJsonPath(p)).toBe('{.a.b}');
  });
  it('prints a header, <none> for missing values and joins several values with commas', () => {
    const cols = parseCustomColumns('NAME:.metadata.name,APP:.metadata.labels.app,PORTS:.spec.ports[*].port', false);
    const out = new CustomColumnsPrinter(cols, false).print({
      kind: 'List',
      items: [
        { metadata: { name: 'a', labels: { app: 'x' } }, spec: { ports: [{ port: 80 }, { port: 443 }] } },
        { metadata: { name: 'bb' }, spec: {} },
      ],
    });
    expect(out).toBe('NAME   APP      PORTS\na      x        80,443\nbb     <none>   <none>\n');
  });
  it('rejects a column without a path', () => {
    expect(() => parseCustomColumns('NAME', false)).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
  });
});

describe('YAML and JSON printers', () => {
  it('reproduce real kubectl byte for byte (a Deployment, a ConfigMap of awkward strings)', () => {
    for (const n of ['deploy_web', 'tricky_cm']) {
      const obj = JSON.parse(fixture(`${n}.json`));
      expect(printJson(obj)).toBe(fixture(`${n}.json`));
      expect(toYaml(obj)).toBe(fixture(`${n}.yaml`));
    }
  });
  it('YAML quotes strings a YAML 1.1 reader would take for something else, and uses block scalars for multi-line text', () => {
    expect(toYaml({ a: 'yes', b: '1.0', c: '', d: ['x', { e: 1 }], f: {}, g: [], h: 'multi\nline\n', i: null, t: true })).toBe(
      'a: "yes"\nb: "1.0"\nc: ""\nd:\n- x\n- e: 1\nf: {}\ng: []\nh: |\n  multi\n  line\ni: null\nt: true\n',
    );
  });
  it("JSON sorts map keys and escapes HTML characters as Go's encoder does", () => {
    expect(printJson({ b: 1, a: '<&>', c: [] })).toBe('{\n    "a": "\\u003c\\u0026\\u003e",\n    "b": 1,\n    "c": []\n}\n');
  });
  it('an unknown -o names the allowed formats', () => {
    expect(() => objectPrinter({ format: 'bogus' }, GET_FORMATS)).toThrow(NoCompatiblePrinterError);
  });
});
