import { MotionConfig } from 'framer-motion';
import { Intro } from './Intro';

/** The page: a header, the sync-vs-async explanation, and the café with its panels. */
export function App() {
  return (
    // reducedMotion="user": framer-motion drops movement when the OS asks for less motion.
    <MotionConfig reducedMotion="user">
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
        <section id="cafe" className="cafe-layout" aria-label="Café simulation" tabIndex={-1}>
          <div className="region scene-region" data-region="scene">
            <h2>The café</h2>
            <p className="placeholder">
              The animated café scene (customers, ticket rail, baristas) goes here.
            </p>
          </div>
          <div className="region panels-region" data-region="panels">
            <h2>Behind the counter</h2>
            <p className="placeholder">
              CloudWatch logs, the AWS CLI terminal, the timeline and the configuration go here.
            </p>
          </div>
        </section>
      </main>
    </MotionConfig>
  );
}
