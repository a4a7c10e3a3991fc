/** Lambda Café's simulated AWS CLI terminal (pure: no React, no DOM). See README.md in this folder. */
export { createCli } from './awsCli';
export type { Cli, CliOptions } from './awsCli';
export { MemoryFileSystem, SEED_FILES } from './fileSystem';
export { createHistory, nextLine, previousLine, recordLine } from './history';
export type { History, HistoryStep } from './history';
export type { CliRun, CommandOutput, LogFollow } from './types';
export { withTimers, isTimed } from './timedSimulation';
export type { TimedSimulation } from './timedSimulation';
