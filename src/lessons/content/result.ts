import { FUNCTION_NAME } from '../../store/cafeStore';
import type { Lesson } from '../types';
import { LESSON_SEED, command, order } from './build';

export const result: Lesson = {
  id: 'result',
  title: 'Where did my result go?',
  summary: 'CloudWatch Logs, log_stream_name from the context object, and an OnSuccess destination.',
  steps: [
    {
      id: 'logs',
      title: 'CloudWatch Logs',
      text: `An asynchronous run has no caller to report to. To see that it ran, the tutorial looks in CloudWatch Logs, log group /aws/lambda/${FUNCTION_NAME}. One customer orders with a receipt; then the terminal runs aws logs tail on that group.`,
      prediction: {
        question: 'Which lines does this run leave in the log?',
        choices: [
          {
            id: 'lines',
            text: 'START, “Processing complete”, END and REPORT',
            correct: true,
            explanation: 'Right: Lambda’s own START, END and REPORT lines around what the handler printed.',
          },
          {
            id: 'body',
            text: 'The same, plus the returned body “Hello from Lambda!”',
            explanation:
              'Lambda does not write a function’s return value to its log: only what the code prints, errors, and Lambda’s own lines.',
          },
          {
            id: 'nothing',
            text: 'Nothing: only synchronous runs are logged',
            explanation:
              'Every run writes to the log stream of the execution environment that ran it, however it was invoked.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 7_200,
        actions: [order(1_000, 'async', 1), command(7_000, `aws logs tail /aws/lambda/${FUNCTION_NAME}`)],
      },
      watch: 'baristas',
      extra: 'terminal',
      explanation:
        'START, “Processing complete”, END and REPORT. REPORT gives the run’s Duration and Billed Duration, and Init Duration because this was a cold start. There is no “Hello from Lambda!”: the return value is not logged.',
    },
    {
      id: 'stream',
      title: 'One log stream per barista',
      text: 'Each execution environment (barista) writes its own log stream. Inside the handler, context.log_stream_name names that stream and context.aws_request_id names the request. Three customers take receipts at the same moment.',
      prediction: {
        question: 'How many log streams do the three runs write?',
        choices: [
          {
            id: 'one',
            text: 'One: a function has one log',
            explanation:
              'A function has one log group, /aws/lambda/cafe-order, holding one stream per execution environment.',
          },
          {
            id: 'three-envs',
            text: 'Three: one per barista, each running one order',
            correct: true,
            explanation: 'Yes: three orders at once need three environments, and each writes its own stream.',
          },
          {
            id: 'per-request',
            text: 'Three, because every request gets a new stream',
            explanation:
              'Streams belong to environments, not requests: a warm barista writes its next run into the same stream.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 6_600,
        actions: [order(1_000, 'async', 1), order(1_000, 'async', 2), order(1_000, 'async', 3)],
      },
      watch: 'baristas',
      extra: 'logs',
      explanation:
        'Three baristas, three streams, each named like 2026/01/15/[$LATEST]… (listed below). To trace one execution, print context.log_stream_name and context.aws_request_id, then open that stream and filter by the request id, as the Logs panel does when you select a customer.',
    },
    {
      id: 'on-success',
      title: 'Receiving the result: OnSuccess',
      text: 'When another part of your system needs an asynchronous run’s result, configure an OnSuccess destination: an SQS queue, SNS topic, Lambda function or EventBridge bus. This café now sends successes to an SQS queue. One customer orders with a receipt.',
      prediction: {
        question: 'What does the OnSuccess destination receive?',
        choices: [
          {
            id: 'record',
            text: 'A record with the request and the function’s return value (responsePayload)',
            correct: true,
            explanation:
              'Right: an invocation record, with the event (requestPayload) and the returned object (responsePayload).',
          },
          {
            id: 'receipt',
            text: 'Nothing until the customer asks for the result with its receipt',
            explanation:
              'A 202 cannot be redeemed later: Lambda keeps no results to collect. The destination receives it as soon as the run succeeds.',
          },
          {
            id: 'logs',
            text: 'A copy of the run’s log lines',
            explanation:
              'The record carries the event and the function’s response, not its log; the log stays in CloudWatch Logs.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 6_600,
        settings: { onSuccess: true },
        actions: [order(1_000, 'async', 1)],
      },
      watch: 'pass',
      extra: 'destination',
      explanation:
        'The OnSuccess queue received the record below: condition Success, responsePayload {"statusCode": 200, "body": "\\"Hello from Lambda!\\""}. Customer 1 still got nothing but its 202: the destination receives the result, not the caller.',
    },
  ],
};
