/** Exhaustiveness check for `switch` over a discriminated union: a new message type that nobody handles fails to compile. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}
