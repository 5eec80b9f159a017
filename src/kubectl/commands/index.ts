/** Every kubectl command the playground knows, in `kubectl --help` order. */
import type { Command } from '../cli/command';
import { applyCommand } from './apply';
import { createCommand } from './create/index';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { eventsCommand } from './events';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, versionCommand } from './info';
import { configCommand } from './config';
import { cordonCommand, drainCommand, taintCommand, uncordonCommand } from './nodes';
import { logsCommand } from './logs';
import { annotateCommand, labelCommand } from './metadata';
import { patchCommand } from './patch';
import { rolloutCommand } from './rollout/index';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set/index';
import { topCommand } from './top';

export const rootCommands: Command[] = [createCommand, exposeCommand, runCommand, getCommand, describeCommand, deleteCommand, logsCommand, rolloutCommand, scaleCommand, setCommand, labelCommand, annotateCommand, patchCommand, applyCommand, clusterInfoCommand, topCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand, eventsCommand, apiResourcesCommand, apiVersionsCommand, configCommand, versionCommand];
