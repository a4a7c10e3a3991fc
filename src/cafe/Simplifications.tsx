/** Where the café (or its model) is simpler than real Lambda, said where students look. */
export function Simplifications() {
  return (
    <details className="simplifications">
      <summary>What this café simplifies</summary>
      <ul>
        <li>
          One function, <code>cafe-order</code>: the tutorial&apos;s handler (sleeps 5 s, prints{' '}
          <code>Processing complete</code>) with a 10 s timeout — Lambda&apos;s 3 s default would time every
          order out.
        </li>
        <li>
          Failed async events are retried exactly 1 and then 2 minutes after a failure (AWS says “about”); the
          throttled queue backs off 1 s, 2 s, 4 s … up to 5 minutes.
        </li>
        <li>
          An idle barista goes home after 5–15 minutes (AWS does not document the exact time; here it is drawn
          from the seed). Cold starts take about 250 ms of Init.
        </li>
        <li>
          Only <code>$LATEST</code>: no versions or aliases. At-least-once duplicates and the scaling-rate
          limit are not modelled.
        </li>
        <li>
          At most 12 waiting and 12 seated customers, 10 tickets and 10 barista places are drawn; the rest are
          counted. Above 4× cards jump between zones instead of gliding.
        </li>
      </ul>
    </details>
  );
}
