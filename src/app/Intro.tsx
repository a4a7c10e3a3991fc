/** The one-paragraph explanation every visitor reads first. */
export function Intro() {
  return (
    <section className="intro" aria-labelledby="intro-title">
      <h2 id="intro-title">Synchronous or asynchronous?</h2>
      <p>
        When you <strong>invoke</strong> a Lambda function you choose how to wait. A{' '}
        <strong>synchronous</strong> call (<code>RequestResponse</code>) is a customer who waits at the
        counter until the coffee is made: the caller is blocked until the function returns, then gets{' '}
        <strong>HTTP 200</strong> with the result. An <strong>asynchronous</strong> call (<code>Event</code>)
        is a customer who takes a receipt — <strong>HTTP 202 Accepted</strong> — and sits down: Lambda puts
        the event on its internal queue, runs it in the background, retries it if it fails, and the caller
        never gets the result back (only logs or a destination see it).
      </p>
    </section>
  );
}
