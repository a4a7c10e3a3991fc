/** The CLI emulator alone, as the store loads it on demand (src/store/terminalLoader.ts). */
export { createCli } from './awsCli';
export type { Cli, CliOptions } from './awsCli';
