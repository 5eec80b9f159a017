/** Every kubectl command the playground knows, in `kubectl --help` order. */
import type { Command } from '../cli/command';
import { deleteCommand } from './delete';
import { getCommand } from './get';
import { annotateCommand, labelCommand } from './metadata';
import { patchCommand } from './patch';
import { scaleCommand } from './scale';

export const rootCommands: Command[] = [getCommand, deleteCommand, scaleCommand, labelCommand, annotateCommand, patchCommand];
