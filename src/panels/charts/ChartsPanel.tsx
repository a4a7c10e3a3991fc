import { memo, useId, useMemo } from 'react';
import { formatDuration } from '../../cafe/format';
import { useReadableNow } from '../../store/CafeContext';
import { formatAxisTime } from '../timeline/timeScale';
import { chartsView, VIEW_H, VIEW_W, type ChartView, type ChartsView } from './chartsView';
import { liveCallerTime, type Series } from './series';
import { useSeries } from './useSeries';
import { useThrottled } from '../useThrottled';
import { usePanelCafe } from '../Visibility';
import './charts.css';

/*
 * Drawn as plain SVG paths, without a charting library: the first view has a size budget
 * (1.25 × a page with only React, framer-motion, XState and Zustand; see README), and the data
 * are tiny (at most 240 bins per series), so a library's scales, axes and animation would cost
 * far more bytes than the few path strings built in svgPaths.ts. Text (titles, scale and time
 * labels) is HTML beside the SVG, so it stays legible when the plot stretches.
 */

/** The seed's contrast as two numbers that tick with the clock, for the same orders. */
function CallerTotals({ series }: { series: Series }) {
  // A read-out: at most ~10 updates a second, not every frame.
  const { blockedMs, freeMs } = liveCallerTime(series, useReadableNow());
  const { syncOrders, asyncOrders } = series.totals;
  return (
    <dl className="chart-totals">
      <div className="chart-total sync">
        <dt>Sync callers blocked</dt>
        <dd data-testid="chart-blocked-total">
          {formatDuration(blockedMs)}{' '}
          <span className="chart-total-sub">
            over {syncOrders} order{syncOrders === 1 ? '' : 's'}
          </span>
        </dd>
      </div>
      <div className="chart-total async">
        <dt>Async callers blocked</dt>
        <dd data-testid="chart-free-total">
          0 ms{' '}
          <span className="chart-total-sub">
            free {formatDuration(freeMs)} over {asyncOrders} order{asyncOrders === 1 ? '' : 's'}
          </span>
        </dd>
      </div>
    </dl>
  );
}

const Chart = memo(function Chart({ chart, view }: { chart: ChartView; view: ChartsView }) {
  const id = useId();
  return (
    <figure className={`chart chart-${chart.id}`} aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="chart-caption">
        <span className="chart-title">{chart.title}</span>
        {chart.headline && <span className="chart-headline">{chart.headline}</span>}
      </figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {chart.legend.map((item) => (
          <li key={item.className}>
            <span className={`chart-swatch ${item.className}`} />
            {item.label}
          </li>
        ))}
      </ul>
      <div className="chart-body">
        <div className="chart-scale" aria-hidden="true">
          <span>{chart.top}</span>
          <span>0</span>
        </div>
        <div className="chart-plot">
          <svg
            viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
            preserveAspectRatio="none"
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
          >
            <title id={`${id}-title`}>{chart.title}</title>
            <desc id={`${id}-desc`}>{chart.summary}</desc>
            {chart.layers.map((layer) => (
              <path
                key={layer.className}
                d={layer.d}
                className={layer.className}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            <line
              className="chart-now"
              x1={(view.nowX / 100) * VIEW_W}
              x2={(view.nowX / 100) * VIEW_W}
              y1={0}
              y2={VIEW_H}
              vectorEffect="non-scaling-stroke"
            />
          </svg>
          {chart.reference && (
            <span
              className="chart-reference"
              style={{ top: `${Math.max(0, chart.reference.y)}%` }}
              aria-hidden="true"
            >
              {chart.reference.label}
            </span>
          )}
          <div className="chart-ticks" aria-hidden="true">
            {view.ticks.map((tick) => (
              <span key={tick.label} style={{ left: `${tick.x}%` }}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
});

/** Plots redraw at most ~7 times a second; the caller totals above them tick every frame. */
const REDRAW_MS = 150;

/**
 * Live charts over virtual time, small multiples of one model: caller time blocked vs free
 * (the seed's contrast), concurrency against its limit, the event queue, throttles, errors and
 * retries. Series are folded incrementally from the trace (series.ts).
 */
export default function ChartsPanel() {
  const { series, version } = useSeries();
  // The plots redraw at most every REDRAW_MS (the store bumps `version` on every frame while
  // playing); `drawn` stands for the series' contents, which are folded in place.
  const drawn = useThrottled(version, REDRAW_MS);
  const sessionEnd = useThrottled(
    usePanelCafe((s) => s.sessionEnd),
    REDRAW_MS,
  );
  const titleId = useId();
  const { view } = useMemo(
    () => ({ drawn, view: chartsView(series, series.lastT, sessionEnd) }),
    [series, drawn, sessionEnd],
  );
  return (
    <section className="charts-panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel-title">
        Live charts <span className="zone-meaning">= the same model, as numbers over virtual time</span>
      </h3>
      <CallerTotals series={series} />
      {view.recordedFrom !== undefined && (
        <p className="chart-note">
          The model keeps the latest 20,000 trace events, so these charts start at{' '}
          {formatAxisTime(view.recordedFrom)}: older events were dropped.
        </p>
      )}
      <div className="chart-grid">
        {view.charts.map((chart) => (
          <Chart key={chart.id} chart={chart} view={view} />
        ))}
      </div>
    </section>
  );
}
