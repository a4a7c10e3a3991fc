import type { Lesson } from '../types';
import { LESSON_SEED, order } from './build';

export const receipt: Lesson = {
  id: 'receipt',
  title: 'Taking a receipt',
  summary: 'An asynchronous call: 202 at once, the event waits in Lambda’s queue, the caller is free.',
  steps: [
    {
      id: 'accepted',
      title: '202 at once',
      text: 'The same function, called asynchronously (invocation type Event), as the tutorial does with --invocation-type Event. The customer hands over the order and takes a receipt; Lambda answers before the function runs.',
      prediction: {
        question: 'When does this customer get an answer, and what is it?',
        choices: [
          {
            id: 'now-202',
            text: 'At once: 202 Accepted, with no result',
            correct: true,
            explanation:
              'Right: Lambda puts the event on its internal queue and answers 202 straight away, with an empty body.',
          },
          {
            id: 'later-200',
            text: 'After about 5 seconds: 200 with the result',
            explanation:
              'That is the synchronous call. With Event, Lambda does not wait for the function: it answers as soon as the event is queued.',
          },
          {
            id: 'later-202',
            text: 'After about 5 seconds: 202 Accepted',
            explanation:
              'The 202 does not wait for the run; it only says that the event was queued. The function runs after that, on its own.',
          },
        ],
      },
      scenario: { seed: LESSON_SEED, speed: 1, until: 6_600, actions: [order(1_000, 'async', 1)] },
      watch: 'tables',
      explanation:
        'Customer 1 had its 202 the moment it ordered and sat down, free. The barista made the drink afterwards, in the background (a cold start, then 5 s): the function ran independently of its caller.',
    },
    {
      id: 'queue',
      title: 'The event waits in Lambda’s queue',
      text: 'An accepted event waits in Lambda’s internal queue (the ticket rail) until an execution environment can run it. Here only one barista is allowed (reserved concurrency 1), and two customers take receipts half a second apart.',
      prediction: {
        question: 'The only barista is busy with the first order. What happens to the second?',
        choices: [
          {
            id: 'caller-waits',
            text: 'Its customer waits at the counter until the barista is free',
            explanation: 'An asynchronous caller never waits: it already has its 202. Only its event waits.',
          },
          {
            id: '429',
            text: 'It is refused with 429 Too Many Requests',
            explanation:
              'That happens to a synchronous call when no concurrency is free. An asynchronous event is kept in the queue and tried again (for up to 6 hours by default).',
          },
          {
            id: 'rail',
            text: 'Its ticket waits on the rail until the barista is free',
            correct: true,
            explanation:
              'Yes: the event stays in Lambda’s queue, and the barista takes it as soon as the first drink is done.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 2,
        until: 11_800,
        settings: { baristas: 1 },
        actions: [order(1_000, 'async', 1), order(1_500, 'async', 2)],
      },
      watch: 'rail',
      explanation:
        'Customer 2’s ticket sat on the rail for about 5 s while the barista finished Customer 1’s drink; then the same barista, now warm, took it. Both customers had their 202 at once and were never blocked.',
    },
    {
      id: 'free',
      title: 'Free to go, and no result',
      text: 'An asynchronous caller is free the moment it has its receipt. The handler still returns {"statusCode": 200, …} at the end of its run. One customer orders with a receipt.',
      prediction: {
        question: 'When the barista finishes, where does that returned object go?',
        choices: [
          {
            id: 'table',
            text: 'To the customer’s table',
            explanation:
              'Lambda has no way back to an asynchronous caller: the 202 was its whole answer. (Here the café picture breaks: no cup is carried to the table.)',
          },
          {
            id: 'logs',
            text: 'Into CloudWatch Logs',
            explanation:
              'Lambda does not log return values. The log gets the printed “Processing complete” and the START, END and REPORT lines.',
          },
          {
            id: 'nowhere',
            text: 'Nowhere: this café has no destination configured',
            correct: true,
            explanation:
              'Right: without an OnSuccess destination, the return value of an asynchronous run reaches nobody.',
          },
        ],
      },
      scenario: { seed: LESSON_SEED, speed: 1, until: 6_600, actions: [order(1_000, 'async', 1)] },
      watch: 'contrast',
      explanation:
        'Customer 1 was blocked for 0 s. The drink was made, “Processing complete” went to the barista’s log stream, and the returned object went nowhere. The lesson “Where did my result go?” shows how to receive it.',
    },
  ],
};
