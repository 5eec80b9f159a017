/** Flag groups many commands share (cmdutil.Add…Flags, genericclioptions print flags). */
import type { FlagDef } from './flags';

export const filenameFlags = (usage = 'that contains the configuration'): FlagDef[] => [
  { name: 'filename', short: 'f', type: 'stringSlice', usage: `Filename, directory, or URL to files ${usage}` },
  { name: 'kustomize', short: 'k', type: 'string', usage: 'Process the kustomization directory.' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' },
];

export const selectorFlag: FlagDef = { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='." };
export const fieldSelectorFlag: FlagDef = { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='." };
export const allNamespacesFlag: FlagDef = { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' };

/** genericclioptions.PrintFlags (-o json|yaml|name|jsonpath…, --template, --show-managed-fields). */
export const printFlags: FlagDef[] = [
  { name: 'output', short: 'o', type: 'string', usage: 'Output format.' },
  { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template.' },
  { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
];

export const dryRunFlag: FlagDef = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client".',
};

export const fieldManagerFlag = (def: string): FlagDef => ({ name: 'field-manager', type: 'string', default: def, usage: 'Name of the manager used to track field ownership.' });

export const validateFlag: FlagDef = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage: 'Must be one of: strict (or true), warn, ignore (or false).',
};

export const recordFlag: FlagDef = { name: 'record', type: 'bool', hidden: true, usage: 'Record current kubectl command in the resource annotation.' };
