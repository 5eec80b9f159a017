/** One benchmark figure, printed as text or as one JSON object per line (`--json`). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

export function printFigure(f: Figure, json: boolean): void {
  if (json) console.log(JSON.stringify({ name: f.name, value: f.value, unit: f.unit }));
  else console.log(`${f.name.padEnd(48)} ${String(f.value).padStart(12)} ${f.unit}${f.goal ? `   (goal ${f.goal})` : ''}`);
}

export function round(n: number, digits = 1): number {
  const p = 10 ** digits;
  return Math.round(n * p) / p;
}
