import type { Lesson } from '../types';
import { counter } from './counter';
import { receipt } from './receipt';
import { bothWays } from './bothWays';
import { terminal } from './terminal';
import { result } from './result';
import { useCases } from './useCases';
import { misconceptions } from './misconceptions';
import { quiz } from './quiz';

/** The lessons, in the order of the tutorial they teach. */
export const LESSONS: readonly Lesson[] = [
  counter,
  receipt,
  bothWays,
  terminal,
  result,
  useCases,
  misconceptions,
  quiz,
];
