import type { Choice, Lesson, LessonStep } from '../types';

/** A situation to classify: which invocation type fits, and why each answer is right or wrong. */
function situation(
  id: string,
  title: string,
  text: string,
  answer: 'sync' | 'async',
  why: { sync: string; async: string },
): LessonStep {
  const choices: Choice[] = [
    { id: 'sync', text: 'Synchronous (RequestResponse)', correct: answer === 'sync', explanation: why.sync },
    { id: 'async', text: 'Asynchronous (Event)', correct: answer === 'async', explanation: why.async },
  ];
  return { id, title, text, prediction: { question: 'Synchronous or asynchronous?', choices } };
}

export const useCases: Lesson = {
  id: 'use-cases',
  title: 'Sync or async? Use cases',
  summary: 'Six situations: pick the invocation type for each and see why.',
  steps: [
    situation(
      'api',
      'A price on a product page',
      'A product page asks a REST API behind Amazon API Gateway for the current price of an item, and shows it.',
      'sync',
      {
        sync: 'Right: the page needs the price in the response. API Gateway invokes synchronously and gives up after its integration timeout, 29 s by default, so keep such functions quick.',
        async:
          'A 202 with no body would leave the page without a price. The caller needs the result now, and API Gateway invokes synchronously.',
      },
    ),
    situation(
      'thumbnail',
      'A thumbnail for an uploaded photo',
      'A user uploads a photo to an S3 bucket. A function makes a thumbnail of it and saves it to another bucket.',
      'async',
      {
        sync: 'Nobody is waiting for the thumbnail, and S3 does not wait either: S3 event notifications invoke functions asynchronously.',
        async:
          'Right: S3 event notifications invoke asynchronously. The upload is not held up, and a failed run is retried.',
      },
    ),
    situation(
      'analytics',
      'Log and analytics processing',
      'An application sends batches of log lines and click events to a function that processes them for analytics dashboards.',
      'async',
      {
        sync: 'Nobody needs the outcome right away; a synchronous call would hold up the sender for every batch it sends.',
        async:
          'Right: background processing. The sender carries on at once, and failures are retried (and can go to a destination).',
      },
    ),
    situation(
      'payment',
      'A card payment at checkout',
      'At checkout, a shopper waits on the page to see whether their card payment was approved.',
      'sync',
      {
        sync: 'Right: the shopper is waiting for the answer, so the caller needs the function’s result.',
        async:
          'A 202 only says that the request was queued, not whether the card was approved, and the shopper needs that answer now.',
      },
    ),
    situation(
      'notification',
      'A welcome email after sign-up',
      'When someone signs up, a function sends them a welcome email. The sign-up page should not wait for it.',
      'async',
      {
        sync: 'Waiting would only add the email’s time to the sign-up: the page does not need the function’s result.',
        async:
          'Right: a notification in the background, for example from an SNS topic, which invokes asynchronously.',
      },
    ),
    situation(
      'username',
      'Is this username free?',
      'As someone types a username into a sign-up form, the form asks a function whether the name is still free.',
      'sync',
      {
        sync: 'Right: a real-time check. The form shows the answer as the user types, so it needs the result.',
        async: 'The form needs a yes or no to show; a 202 would tell it nothing about the name.',
      },
    ),
    {
      id: 'summary',
      title: 'Choose by what the caller needs',
      text: 'The tutorial’s summary: call synchronously when the caller needs the result to go on, as in APIs and real-time operations. Call asynchronously for work that should not block, such as file processing, logs and analytics, and notifications. Choose the invocation type by your application’s requirements.',
    },
  ],
};
