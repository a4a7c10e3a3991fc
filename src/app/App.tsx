import { Intro } from './Intro';
import { Cafe } from '../cafe/Cafe';
import type { CafeOptions } from '../store/cafeStore';

/** The page: a one-line header with the sync-vs-async sentence, then the café, stage first. */
export function App({ options, present }: { options?: CafeOptions; present?: boolean }) {
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
        <Intro />
      </header>
      <main>
        <Cafe options={options} id="cafe" present={present} />
      </main>
    </>
  );
}
