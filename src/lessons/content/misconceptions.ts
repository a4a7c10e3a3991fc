import type { Lesson } from '../types';
import { LESSON_SEED, defaultTimeout, failsFirstAttempt, order } from './build';

export const misconceptions: Lesson = {
  id: 'misconceptions',
  title: 'Four misconceptions',
  summary: 'Four things people often believe about Lambda invocations, each put to the test.',
  steps: [
    {
      id: 'result-later',
      title: '“Async returns my result later”',
      text: 'A common belief: an asynchronous call is a synchronous one that answers later. Customer 1 orders with a receipt and waits at its table for the result. This café has no destination configured.',
      prediction: {
        question: 'When does the result reach Customer 1?',
        choices: [
          {
            id: 'after-run',
            text: 'When the run ends, about 5 s later',
            explanation: 'There is no second response: the 202 was the whole answer to the Invoke call.',
          },
          {
            id: 'never',
            text: 'Never: the 202 was the whole answer',
            correct: true,
            explanation: 'Right: Lambda never sends an asynchronous run’s result to its caller.',
          },
          {
            id: 'poll',
            text: 'When the customer asks Lambda for it, quoting the request id',
            explanation:
              'Lambda has no call that fetches an asynchronous result. An OnSuccess destination, or the function storing its result somewhere, is the way.',
          },
        ],
      },
      scenario: { seed: LESSON_SEED, speed: 1, until: 6_600, actions: [order(1_000, 'async', 1)] },
      watch: 'tables',
      explanation:
        'The run succeeded about 5 s after the order, and Customer 1 heard nothing. If something needs the result, configure an OnSuccess destination, or have the function write it where the caller can look (a database, a queue).',
    },
    {
      id: 'accepted-worked',
      title: '“202 means it worked”',
      text: 'Another belief: a 202 means the function succeeded. In this run the handler always throws an error (MilkNotFoundError), and events that fail go to an OnFailure queue. One customer orders with a receipt.',
      prediction: {
        question: 'What status code does the customer get?',
        choices: [
          {
            id: '202',
            text: '202 Accepted',
            correct: true,
            explanation:
              'Yes: the 202 came before the function ran, so it cannot say anything about the run.',
          },
          {
            id: '500',
            text: '500, because the function failed',
            explanation:
              'The Invoke call itself succeeded: the event was queued. The failure happens later, in the background.',
          },
          {
            id: '200-error',
            text: '200 with FunctionError: Unhandled',
            explanation:
              'That is how a synchronous caller learns of a failure. An asynchronous caller is never told.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 16,
        until: 199_000,
        settings: { failure: 'always', failureTarget: 'OnFailure' },
        actions: [order(1_000, 'async', 1)],
      },
      watch: 'pass',
      explanation:
        'Customer 1 kept its 202 while the handler failed three times: the first attempt, a retry about 1 minute after that failure, and another about 2 minutes after the second. Each failure left an [ERROR] line in the log; after the last, Lambda sent the event to OnFailure (condition RetriesExhausted). Without a destination it would have been discarded.',
    },
    {
      id: 'default-timeout',
      title: '“My 5 s handler fits the default timeout”',
      text: 'This café normally gives its function a 10 s timeout. Here Timeout is Lambda’s default, 3 seconds, and the handler still sleeps 5 s. One customer orders at the counter.',
      prediction: {
        question: 'What happens to the 5 s run?',
        choices: [
          {
            id: 'finishes',
            text: 'It finishes: the timeout is only a warning',
            explanation: 'The timeout is a hard limit: Lambda stops the run when it is reached.',
          },
          {
            id: 'timed-out',
            text: 'Lambda stops it after 3 s: “Task timed out”',
            correct: true,
            explanation: 'Right: the default timeout is 3 s, so a 5 s handler never finishes.',
          },
          {
            id: 'extended',
            text: 'It finishes, because Lambda extends the timeout of a busy function',
            explanation:
              'Lambda never extends it. Set Timeout (up to 900 s) above your function’s longest run.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 4_600,
        configOps: [defaultTimeout],
        actions: [order(1_000, 'sync', 1)],
      },
      watch: 'baristas',
      extra: 'logs',
      explanation:
        'After 3 s Lambda stopped the run: the log says “Task timed out after 3.0… seconds”, and “Processing complete” was never printed. The caller still got 200, with FunctionError: Unhandled and the timeout message. Lambda shut that environment down, so the next order starts cold.',
    },
    {
      id: 'runs-once',
      title: '“My code runs once per event”',
      text: 'Here the handler fails on its first attempt at an event (a card reader does not respond) and succeeds when tried again. One customer orders with a receipt.',
      prediction: {
        question: 'How many times does the handler run for this one event?',
        choices: [
          {
            id: 'once',
            text: 'Once',
            explanation: 'A failed asynchronous attempt is retried, up to two more times by default.',
          },
          {
            id: 'twice',
            text: 'Twice: the failed attempt, then a retry about a minute later',
            correct: true,
            explanation:
              'Right: Lambda retried the event after the failure, and the second attempt succeeded.',
          },
          {
            id: 'three',
            text: 'Three times, always',
            explanation:
              'Retries stop at the first success: three attempts happen only when the first two fail.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 16,
        until: 73_000,
        configOps: [failsFirstAttempt],
        actions: [order(1_000, 'async', 1)],
      },
      watch: 'baristas',
      extra: 'logs',
      explanation:
        'Two STARTs with the same request id: the handler ran again about a minute after it failed. Whatever it did before failing (charging a card, sending an email) happened twice. Lambda may also deliver an event more than once without any error (at-least-once; not shown here). Make handlers idempotent.',
    },
  ],
};
