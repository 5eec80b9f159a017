/** util.ParseLiteralSource: `key=value` (the value may contain `=`). */
export function literalSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}
