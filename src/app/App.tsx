import { Intro } from './Intro';
import { Cafe } from '../cafe/Cafe';
import type { CafeOptions } from '../store/cafeStore';
import { LessonsEntry, type LessonLink } from '../lessons/ui/LessonsEntry';

/** The page: a header, the sync-vs-async explanation, and the café with its panels. */
export function App({ options, lesson }: { options?: CafeOptions; lesson?: LessonLink }) {
  return (
    <>
      <a className="skip-link" href="#cafe">
        Skip to the café
      </a>
      <header className="app-header">
        <h1>
          <span aria-hidden="true" className="logo">
            λ
          </span>{' '}
          Lambda Café
        </h1>
        <p className="tagline">How AWS Lambda runs your function, one coffee at a time.</p>
      </header>
      <main>
        <Intro />
        <Cafe options={options} id="cafe" guide={<LessonsEntry link={lesson} />} />
      </main>
    </>
  );
}
