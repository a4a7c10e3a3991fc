import type { Choice, Lesson, LessonStep } from '../types';

/** A quiz question: the step's text asks it, exactly one choice is correct. */
function question(id: string, title: string, text: string, choices: Choice[]): LessonStep {
  return { id, title, text, prediction: { question: 'Your answer', choices } };
}

export const quiz: Lesson = {
  id: 'quiz',
  title: 'Quiz',
  summary: 'Ten questions across all the lessons, with feedback on every answer and a score.',
  quiz: true,
  steps: [
    question(
      'blocked',
      'While a synchronous call runs',
      'A function takes 5 s. It is invoked synchronously (RequestResponse). What does the caller do meanwhile?',
      [
        {
          id: 'waits',
          text: 'It waits, blocked, until the function returns',
          correct: true,
          explanation: 'Right: the connection stays open for the whole run.',
        },
        {
          id: '202',
          text: 'It gets a 202 and goes on with its work',
          explanation: 'That is an asynchronous call (Event).',
        },
        {
          id: 'partial',
          text: 'It receives the printed lines as the function runs',
          explanation: 'The caller receives one response at the end; printed lines go to CloudWatch Logs.',
        },
      ],
    ),
    question(
      'cli-event',
      'The asynchronous CLI call',
      'What does aws lambda invoke --function-name cafe-order --invocation-type Event output.txt print when Lambda accepts the event?',
      [
        {
          id: '200',
          text: '{ "StatusCode": 200 } once the function has run',
          explanation: 'That is the synchronous call, without --invocation-type Event.',
        },
        {
          id: '202',
          text: '{ "StatusCode": 202 }, at once',
          correct: true,
          explanation: 'Right: 202 Accepted, the event is queued; output.txt stays empty.',
        },
        {
          id: 'result',
          text: 'The function’s return value',
          explanation: 'An asynchronous call never gets the return value, on screen or in output.txt.',
        },
      ],
    ),
    question(
      'default-type',
      'The default invocation type',
      'You run aws lambda invoke without --invocation-type. Which invocation type does the CLI use?',
      [
        {
          id: 'event',
          text: 'Event',
          explanation: 'Event has to be asked for with --invocation-type Event.',
        },
        {
          id: 'dry',
          text: 'DryRun',
          explanation: 'DryRun only checks the parameters and permissions, and must be asked for too.',
        },
        {
          id: 'rr',
          text: 'RequestResponse',
          correct: true,
          explanation: 'Right: synchronous is the default, for the CLI and the SDKs.',
        },
      ],
    ),
    question(
      'async-result',
      'An asynchronous return value',
      'An asynchronously invoked handler returns {"statusCode": 200, "body": "…"}. Where can that value be found?',
      [
        {
          id: 'destination',
          text: 'In the record sent to an OnSuccess destination, if one is configured',
          correct: true,
          explanation: 'Right: the record’s responsePayload. Without a destination it reaches nobody.',
        },
        {
          id: 'logs',
          text: 'In the function’s CloudWatch Logs',
          explanation:
            'Lambda does not log return values; the log has printed lines, errors and START, END, REPORT.',
        },
        {
          id: '202',
          text: 'In the body of the 202 response',
          explanation: 'The 202 has no body: it is sent before the function runs.',
        },
        {
          id: 'later',
          text: 'In a second response to the caller',
          explanation: 'There is no second response; the 202 is the whole answer.',
        },
      ],
    ),
    question(
      'failure',
      'A failing asynchronous run',
      'An event was accepted with 202, then the handler raised an exception. What does Lambda do, with the default settings?',
      [
        {
          id: '500',
          text: 'Sends the caller a 500 error',
          explanation: 'The caller already has its 202 and is never told about the run.',
        },
        {
          id: 'retries',
          text: 'Retries it up to two more times, then discards it unless a failure destination or DLQ is set',
          correct: true,
          explanation:
            'Right: about 1 minute, then about 2 minutes after a failure; then OnFailure, the DLQ, or nowhere.',
        },
        {
          id: 'nothing',
          text: 'Nothing: the event is lost at once',
          explanation: 'Asynchronous events are retried after a function error, twice by default.',
        },
      ],
    ),
    question(
      'timeout',
      'A 5 s handler',
      'A handler sleeps 5 s and its Timeout was never changed. What happens when it is invoked?',
      [
        {
          id: 'ok',
          text: 'It finishes after 5 s',
          explanation: 'The default timeout is 3 s, shorter than the run.',
        },
        {
          id: 'timeout',
          text: 'After about 3 s: “Task timed out”',
          correct: true,
          explanation:
            'Right: Lambda stops it at the 3 s default. Raise Timeout (up to 900 s) above the longest run.',
        },
        {
          id: 'extended',
          text: 'Lambda extends the timeout because the handler is still working',
          explanation: 'The timeout is a hard limit, never extended.',
        },
      ],
    ),
    question('s3', 'Which caller is asynchronous?', 'Which of these invokes your function asynchronously?', [
      {
        id: 'apigw',
        text: 'An API Gateway REST API',
        explanation: 'API Gateway invokes synchronously (integration timeout 29 s by default).',
      },
      {
        id: 's3',
        text: 'An S3 event notification for a new object',
        correct: true,
        explanation: 'Right: S3 notifications, like SNS and EventBridge, invoke asynchronously.',
      },
      {
        id: 'cli',
        text: 'aws lambda invoke with no flags',
        explanation: 'The CLI’s default is RequestResponse: synchronous.',
      },
      {
        id: 'alb',
        text: 'An Application Load Balancer',
        explanation: 'A load balancer waits for the response: synchronous.',
      },
    ]),
    question(
      'idempotent',
      'Run twice',
      'Why should a handler for asynchronous events be idempotent (safe to run twice on the same event)?',
      [
        {
          id: 'twice',
          text: 'Retries and at-least-once delivery can run it more than once for one event',
          correct: true,
          explanation: 'Right: a retry after a failure, or a duplicate delivery, runs the same event again.',
        },
        {
          id: 'cost',
          text: 'Idempotent functions are billed less',
          explanation: 'Billing depends on run time and memory, not on idempotency.',
        },
        {
          id: 'parallel',
          text: 'Lambda runs every event in two environments at once',
          explanation: 'Each attempt runs in one environment; duplicates come from retries and redelivery.',
        },
      ],
    ),
    question(
      'trace',
      'Tracing one execution',
      'Many runs write to /aws/lambda/cafe-order. How do you find the lines of one particular execution?',
      [
        {
          id: 'group',
          text: 'Each request gets its own log group',
          explanation: 'One log group per function; one stream per execution environment.',
        },
        {
          id: 'context',
          text: 'Log context.log_stream_name and context.aws_request_id, then filter that stream by the request id',
          correct: true,
          explanation: 'Right: the context object names the stream and the request.',
        },
        {
          id: '202',
          text: 'Read them from the 202 response',
          explanation:
            'The 202 has no body. Only a synchronous call can ask for the log tail (--log-type Tail).',
        },
      ],
    ),
    question('table', 'The comparison table', 'Which description matches asynchronous invocation?', [
      {
        id: 'sync',
        text: 'Waits for the result; used for APIs and real-time operations',
        explanation: 'That is the synchronous column of the table.',
      },
      {
        id: 'async',
        text: 'Immediate acknowledgement (202); used for background work such as thumbnails, logs and notifications',
        correct: true,
        explanation: 'Right: the caller is free at once and the function runs independently.',
      },
      {
        id: 'mixed',
        text: 'Immediate result (200); used for payments',
        explanation: 'An immediate 200 with a result does not exist: a result means waiting for the run.',
      },
    ]),
  ],
};
