/**
 * The one sentence every visitor reads first, and the full explanation one click away: the
 * café itself must be in the first view.
 */
export function Intro() {
  return (
    <section className="intro" aria-labelledby="intro-title">
      <h2 id="intro-title">Synchronous or asynchronous?</h2>{' '}
      <p className="intro-line">
        A sync call waits for <strong>HTTP 200</strong> and the result; an async call gets{' '}
        <strong>HTTP 202 Accepted</strong> at once.
      </p>{' '}
      <details className="intro-more">
        <summary>Read more</summary>
        <p>
          When you <strong>invoke</strong> a Lambda function you choose how to wait. A{' '}
          <strong>synchronous</strong> call (<code>RequestResponse</code>, the default) is a customer who
          waits at the counter until the coffee is made: the caller is blocked until the function returns,
          then gets HTTP 200 with the result. An <strong>asynchronous</strong> call (<code>Event</code>) is a
          customer who takes a receipt and sits down: Lambda puts the event on its internal queue, runs it in
          the background and retries it if it fails. The caller never gets the result back: only an OnSuccess
          destination receives it (the logs hold what the function prints, not what it returns).
        </p>
      </details>
    </section>
  );
}
