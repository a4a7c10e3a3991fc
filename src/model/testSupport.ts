/** Helpers for the model's tests (not exported from index.ts). */
import type { InvokeOutput, InvokePromise } from './types';

export interface Settled {
  done: boolean;
  output?: InvokeOutput;
  error?: Error & {
    name: string;
    $metadata?: { httpStatusCode: number };
    Reason?: string;
    retryAfterSeconds?: string;
  };
}

/** Watches a promise without awaiting it, so tests can check *when* it settles on the virtual clock. */
export function watch(promise: InvokePromise): Settled {
  const s: Settled = { done: false };
  promise.then(
    (output) => {
      s.done = true;
      s.output = output;
    },
    (error: Settled['error']) => {
      s.done = true;
      s.error = error;
    },
  );
  return s;
}

/** Lets settled promises run their reactions. */
export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
