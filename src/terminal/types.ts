/** What a terminal command gives back. Everything is plain text: views must render it as text, never HTML. */
import type { InvocationType } from '../model';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * A live `aws logs tail --follow`: new log lines arrive as the simulation writes them.
 * Either subscribe (lines are pushed) or poll with take(); stop() ends it like Ctrl-C.
 */
export interface LogFollow {
  /** Lines (each ending in "\n") written since the last take(), when nobody is subscribed. */
  take(): string;
  /** Pushes new lines as they are written; returns an unsubscribe function. */
  subscribe(listener: (text: string) => void): () => void;
  stop(): void;
  readonly active: boolean;
}

/**
 * The result of one command line. When `pending` is set the command is still running (a
 * synchronous invoke waits for the virtual clock): show stdout/stderr now, then append what
 * `pending` resolves to; its exitCode is the command's. `pending` never rejects.
 */
export interface CliRun extends CommandOutput {
  pending?: Promise<CommandOutput>;
  /** The Lambda request id of an invoke in this line, to link the line to the model's record. */
  requestId?: string;
  invocationType?: InvocationType;
  /** `clear` was run: the view empties its scrollback. */
  clear?: boolean;
  /** Set by `aws logs tail --follow`. */
  follow?: LogFollow;
  /**
   * Ctrl-C for a command that is still running: `pending` resolves at once with exit code 130
   * (what the CLI returns on SIGINT). The Lambda invocation itself carries on, as on AWS, but
   * its late response writes no outfile and feeds no pipe.
   */
  interrupt?: () => void;
}

/** Per command line: whether the user has interrupted it. */
export interface RunSignal {
  readonly interrupted: boolean;
}
