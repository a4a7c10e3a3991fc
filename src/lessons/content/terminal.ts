import { FUNCTION_NAME } from '../../store/cafeStore';
import type { Lesson } from '../types';
import { LESSON_SEED, command } from './build';

const invoke = `aws lambda invoke --function-name ${FUNCTION_NAME} output.txt`;
const invokeEvent = `aws lambda invoke --function-name ${FUNCTION_NAME} --invocation-type Event output.txt`;

export const terminal: Lesson = {
  id: 'terminal',
  title: 'From the terminal',
  summary: 'aws lambda invoke with and without --invocation-type Event; which callers use which type.',
  steps: [
    {
      id: 'cli-sync',
      title: 'aws lambda invoke, no flags',
      text: `The tutorial calls the function from the AWS CLI. The café’s terminal runs: ${invoke}, then cat output.txt. No --invocation-type is given. The terminal’s call is a customer too (Terminal call 1, T1 in the café).`,
      prediction: {
        question: 'With no --invocation-type, what does the CLI do?',
        choices: [
          {
            id: 'waits',
            text: 'Waits about 5 s, prints StatusCode 200, and output.txt holds the result',
            correct: true,
            explanation:
              'Yes: RequestResponse is the default, so the CLI is blocked until the function returns.',
          },
          {
            id: '202',
            text: 'Prints StatusCode 202 at once',
            explanation: 'Only with --invocation-type Event. Without the flag the call is synchronous.',
          },
          {
            id: 'refuses',
            text: 'Refuses: the invocation type is required',
            explanation: '--invocation-type is optional; RequestResponse is the default.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 7_200,
        actions: [command(1_000, invoke), command(7_000, 'cat output.txt')],
      },
      watch: 'counter',
      extra: 'terminal',
      explanation:
        'The prompt was blocked for about 5 s while T1 waited at the counter; then the CLI printed { "StatusCode": 200, "ExecutedVersion": "$LATEST" }, and output.txt holds the returned object.',
    },
    {
      id: 'cli-async',
      title: 'With --invocation-type Event',
      text: `Now the tutorial’s asynchronous call: ${invokeEvent}, then cat output.txt half a second later.`,
      prediction: {
        question: 'What do the CLI and output.txt show?',
        choices: [
          {
            id: 'empty',
            text: '{ "StatusCode": 202 } at once, and an empty output.txt',
            correct: true,
            explanation:
              'Yes: 202 Accepted means the request has been queued. There is no result yet, and none will ever arrive in this file.',
          },
          {
            id: 'later',
            text: '{ "StatusCode": 202 } at once; the result lands in output.txt 5 s later',
            explanation:
              'Nothing follows the 202: the CLI has finished, and Lambda never sends the result to an asynchronous caller.',
          },
          {
            id: '200',
            text: '{ "StatusCode": 200 } after about 5 s',
            explanation:
              'That is the synchronous default. With --invocation-type Event the CLI does not wait.',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 6_600,
        actions: [command(1_000, invokeEvent), command(1_500, 'cat output.txt')],
      },
      watch: 'tables',
      extra: 'terminal',
      explanation:
        'The CLI printed { "StatusCode": 202 } straight away and output.txt is empty: the event was only queued. The barista ran the function afterwards, in the background, while T1 sat at a table.',
    },
    {
      id: 'defaults',
      title: 'Who calls how',
      text: 'RequestResponse is the default invocation type: the AWS CLI and SDKs use it unless told otherwise. Some AWS services call functions for you; each picks the type itself.',
      prediction: {
        question:
          'A mobile app calls your function through an API Gateway REST API. How does API Gateway invoke it?',
        choices: [
          {
            id: 'sync',
            text: 'Synchronously: it waits for the function’s response and passes it on',
            correct: true,
            explanation:
              'Right. API Gateway invokes synchronously and gives up after its integration timeout, 29 s by default.',
          },
          {
            id: 'async',
            text: 'Asynchronously: the app gets a 202',
            explanation:
              'Not by default: the app needs the response, so API Gateway waits for the function (a REST API can be set up to invoke asynchronously, but that is a deliberate choice).',
          },
        ],
      },
      explanation:
        'Synchronous callers: the CLI and SDKs by default, API Gateway, Application Load Balancer. Asynchronous: S3 event notifications, SNS, EventBridge, CloudWatch Logs subscriptions. Queues and streams (SQS, Kinesis, DynamoDB Streams) are a third way: an event source mapping reads them and invokes synchronously.',
    },
  ],
};
