import { useCafe } from '../../store/CafeContext';
import { FUNCTION_NAME } from '../../store/cafeStore';
import { comparisonRows } from '../comparison';
import type { StepExtra as Extra } from '../types';

/** What a step shows after its run, read from the café's model at this moment (never written by hand). */
export function StepExtra({ extra }: { extra: Extra }) {
  const sim = useCafe((s) => s.sim);
  // The model is mutable: the version says when it changed.
  useCafe((s) => s.version);
  const terminal = useCafe((s) => s.terminal.entries);

  switch (extra) {
    case 'comparison': {
      const rows = comparisonRows(sim);
      const columns = ['Synchronous (Customer 1)', 'Asynchronous (Customer 2)'];
      // Explicit roles: on a narrow card the rows are stacked (CSS), and the table must stay a table.
      return (
        <table className="lesson-extra lesson-table" role="table">
          <caption>The tutorial’s comparison, with this run’s numbers</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Aspect
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" role="columnheader">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r) => (
              <tr key={r.aspect} role="row">
                <th scope="row" role="rowheader">
                  {r.aspect}
                </th>
                <td role="cell" data-label={columns[0]}>
                  {r.sync}
                </td>
                <td role="cell" data-label={columns[1]}>
                  {r.async}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'terminal': {
      const text = terminal
        .filter((e) => e.kind !== 'info')
        .map((e) => e.text)
        .join('\n');
      return (
        <figure className="lesson-extra">
          <figcaption>The café’s terminal</figcaption>
          <pre className="lesson-pre" tabIndex={0}>
            {text || '(nothing yet)'}
          </pre>
        </figure>
      );
    }
    case 'logs': {
      const events = sim.logEvents({ functionName: FUNCTION_NAME });
      const streams = [...new Set(events.map((e) => e.logStreamName))];
      return (
        <figure className="lesson-extra">
          <figcaption>
            CloudWatch Logs, /aws/lambda/{FUNCTION_NAME}: {streams.length} log stream
            {streams.length === 1 ? '' : 's'}
          </figcaption>
          <pre className="lesson-pre" tabIndex={0}>
            {streams
              .map((name) =>
                [
                  `${name}`,
                  ...events
                    .filter((e) => e.logStreamName === name)
                    .map((e) => `  ${e.message.replace(/\t/g, '  ')}`),
                ].join('\n'),
              )
              .join('\n\n') || '(no log lines yet)'}
          </pre>
        </figure>
      );
    }
    case 'destination': {
      const record = sim.destinationRecords().at(-1);
      return (
        <figure className="lesson-extra">
          <figcaption>
            {record
              ? `The record sent to ${record.kind} (${record.destinationArn})`
              : 'No destination record yet'}
          </figcaption>
          {record && (
            <pre className="lesson-pre" tabIndex={0}>
              {JSON.stringify(record.record, null, 2)}
            </pre>
          )}
        </figure>
      );
    }
  }
}
