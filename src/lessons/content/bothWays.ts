import type { Lesson } from '../types';
import { LESSON_SEED, order } from './build';

export const bothWays: Lesson = {
  id: 'both-ways',
  title: 'The same order both ways',
  summary: 'The tutorial’s comparison table, filled in with the numbers of a run you watch.',
  steps: [
    {
      id: 'compare',
      title: 'Side by side',
      text: 'Two customers order the same 5 s function at the same moment: Customer 1 at the counter (synchronous), Customer 2 with a receipt (asynchronous). Afterwards the tutorial’s comparison table is filled in with what this run measured.',
      prediction: {
        question: 'How long is each caller blocked?',
        choices: [
          {
            id: 'both',
            text: 'Both about 5 s: the work is the same',
            explanation:
              'The work is the same, but only the synchronous caller waits for it. The asynchronous caller waits only for the 202.',
          },
          {
            id: 'sync-only',
            text: 'The synchronous one about 5 s, the asynchronous one almost 0 s',
            correct: true,
            explanation: 'Right: same function, same run time, but only one caller is held up.',
          },
          {
            id: 'async-longer',
            text: 'The asynchronous one longer: its event goes through a queue',
            explanation:
              'An event may wait in the queue, but its caller does not: the 202 came at once. (Here a barista was free, so the event did not wait either.)',
          },
        ],
      },
      scenario: {
        seed: LESSON_SEED,
        speed: 1,
        until: 6_600,
        actions: [order(1_000, 'sync', 1), order(1_000, 'async', 2)],
      },
      watch: 'contrast',
      extra: 'comparison',
      explanation:
        'Same function, two ways to wait. Synchronous: the caller needs the result and waits for it. Asynchronous: an immediate acknowledgement, and the function runs independently. Choose the invocation type by what your application needs.',
    },
  ],
};
