import type { Lesson } from '../types';
import { LESSON_SEED, order } from './build';

export const counter: Lesson = {
  id: 'counter',
  title: 'Waiting at the counter',
  summary: 'A synchronous call: the caller is blocked until the function returns, then gets its result.',
  steps: [
    {
      id: 'blocked',
      title: 'A customer at the counter',
      text: 'This café runs the tutorial’s function: it sleeps 5 seconds, prints “Processing complete” and returns status code 200 with the body “Hello from Lambda!”. A customer orders at the counter: a synchronous call (invocation type RequestResponse).',
      prediction: {
        question: 'How long is this customer stuck at the counter?',
        choices: [
          {
            id: 'zero',
            text: 'No time: the order is taken and the customer leaves',
            explanation:
              'That is an asynchronous call. A synchronous caller keeps its connection open until the function returns or times out.',
          },
          {
            id: 'five',
            text: 'About 5 seconds: until the function returns',
            correct: true,
            explanation:
              'Right: a synchronous caller is blocked for the whole run, plus the cold start when a new barista has to get ready first.',
          },
          {
            id: 'three',
            text: '3 seconds, then Lambda answers on the function’s behalf',
            explanation:
              'Nobody answers for the function. 3 s is Lambda’s default timeout; this café sets 10 s, so the 5 s run finishes and the caller waits for all of it.',
          },
        ],
      },
      scenario: { seed: LESSON_SEED, speed: 1, until: 6_600, actions: [order(1_000, 'sync', 1)] },
      watch: 'counter',
      explanation:
        'Customer 1 stood at the counter for about 5.3 s: a quarter of a second of cold start (a new barista tying an apron: Init), then the 5 s handler. Only then did the answer come: HTTP 200 with the function’s return value.',
    },
    {
      id: 'result',
      title: 'What comes back',
      text: 'The handler ends with return {"statusCode": 200, "body": json.dumps("Hello from Lambda!")}. Once more, a customer orders at the counter. Watch what reaches the customer, and what the barista writes in its log.',
      prediction: {
        question: 'What does the customer receive when the barista finishes?',
        choices: [
          {
            id: '200',
            text: 'HTTP 200, with the returned object as the response payload',
            correct: true,
            explanation:
              'Yes: the Invoke response has status 200 and, as its payload, exactly what the handler returned.',
          },
          {
            id: '202',
            text: 'HTTP 202 Accepted',
            explanation:
              '202 answers an asynchronous call, before the function has run. A synchronous caller waits for the real result.',
          },
          {
            id: 'logs',
            text: 'Only a status code: the returned object is written to CloudWatch Logs',
            explanation:
              'Lambda never logs a return value. The log holds START, END, REPORT and what the handler printed; the returned object goes to the synchronous caller.',
          },
        ],
      },
      scenario: { seed: LESSON_SEED, speed: 1, until: 6_600, actions: [order(1_000, 'sync', 1)] },
      watch: 'counter',
      extra: 'logs',
      explanation:
        'The customer left with 200 and the payload {"statusCode": 200, "body": "\\"Hello from Lambda!\\""}. The barista’s log stream got START, “Processing complete”, END and REPORT: the printed line, not the returned object.',
    },
  ],
};
