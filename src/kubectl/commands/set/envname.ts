/** validation.IsEnvVarName: `[-._a-zA-Z][-._a-zA-Z0-9]*`. */
export function isEnvVarName(s: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(s);
}
