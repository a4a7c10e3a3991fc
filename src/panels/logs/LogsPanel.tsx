import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { MODEL_LIMITS, type LogEvent } from '../../model';
import { useCafe } from '../../store/CafeContext';
import { usePanelModel } from '../usePanelModel';
import { scrollToEndBeforePaint } from '../scrollToEnd';
import { FUNCTION_NAME } from '../../store/cafeStore';
import { formatCount } from '../../cafe/format';
import {
  boundedStreams,
  cloudWatchTime,
  deriveStreams,
  eventKeys,
  filterLogEvents,
  lineKind,
  MAX_SHOWN_EVENTS,
  MAX_SHOWN_STREAMS,
  newestWindow,
  streamLabel,
  tabFields,
  windowNote,
  type StreamView,
} from './logView';
import './logs.css';

const LOG_GROUP = `/aws/lambda/${FUNCTION_NAME}`;

/** One message, tabs drawn as aligned columns (the tab characters stay in the text for copying). */
const Message = memo(function Message({ message }: { message: string }) {
  const fields = tabFields(message);
  if (fields.length === 1) return <span className="log-message">{message}</span>;
  return (
    <span className="log-message">
      {fields.map((f, i) =>
        f.columns === undefined ? (
          f.text && <span key={i}>{f.text}</span>
        ) : (
          <span key={i} className="log-field" style={{ minWidth: `min(${f.columns}ch, 100%)` }}>
            {f.text}
            <span className="log-tab">{'\t'}</span>
          </span>
        ),
      )}
    </span>
  );
});

const LogLine = memo(
  function LogLine({
    event,
    lineKey,
    active,
    onActivate,
    onFocusLine,
  }: {
    event: LogEvent;
    lineKey: string;
    active: boolean;
    onActivate(event: LogEvent): void;
    onFocusLine(key: string): void;
  }) {
    return (
      <div
        role="option"
        aria-selected={active}
        tabIndex={active ? 0 : -1}
        className={`log-line kind-${lineKind(event.message)}`}
        data-request-id={event.requestId}
        onClick={() => onActivate(event)}
        onFocus={() => onFocusLine(lineKey)}
      >
        <span className="log-time">{cloudWatchTime(event.timestamp)}</span>
        <Message message={event.message} />
      </div>
    );
  },
  // Each model read returns fresh copies of the events: the key (time, stream, message) says
  // whether a line is the same, so a sliding window re-renders only the lines that changed.
  (a, b) =>
    a.lineKey === b.lineKey &&
    a.active === b.active &&
    a.onActivate === b.onActivate &&
    a.onFocusLine === b.onFocusLine,
);

/**
 * CloudWatch Logs for the café's function: its log group, one stream per barista (execution
 * environment), the events exactly as the model wrote them. Follows the café's selection:
 * a barista shows its stream, a customer shows its request's lines; a line selects its customer.
 */
export default function LogsPanel() {
  const { sim, version: modelVersion } = usePanelModel(300);
  const selectedEnvironment = useCafe((s) => s.selectedEnvironment);
  const selectedCustomer = useCafe((s) => s.selectedCustomer);
  const select = useCafe((s) => s.select);
  const selectEnvironment = useCafe((s) => s.selectEnvironment);
  // The store's version moves only with model events; at 16× that is still every frame, and a
  // log list need not follow at 60 Hz: at most ~3 redraws a second, the latest always shown.
  // Off screen it does not follow at all (a seek would re-lay out the list for nobody).
  const baseId = useId();
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const [notice, setNotice] = useState<string | undefined>();
  /** A stream whose barista the model no longer lists (it cannot be selected in the café). */
  const [orphanStream, setOrphanStream] = useState<string | undefined>();

  // Everything read from the model, once per model change (not per animation frame).
  // (modelVersion is part of the result: the sim object itself is mutable.)
  const model = useMemo(() => {
    const events = sim.logEvents({ functionName: FUNCTION_NAME });
    const environments = sim.environments().filter((e) => e.functionName === FUNCTION_NAME);
    return { modelVersion, events, environments, streams: deriveStreams(environments, events) };
  }, [sim, modelVersion]);

  const { selectedRequest } = useMemo(() => {
    if (selectedCustomer === undefined) return { modelVersion, selectedRequest: undefined };
    const inv = sim.invocationRecords().findLast((i) => i.callerId === selectedCustomer);
    return {
      modelVersion,
      selectedRequest: inv
        ? { requestId: inv.requestId, label: inv.callerLabel ?? selectedCustomer }
        : undefined,
    };
  }, [sim, modelVersion, selectedCustomer]);

  const selectedEnv = model.environments.find((e) => e.id === selectedEnvironment);
  const activeStream =
    selectedEnv?.logStreamName ??
    (selectedEnvironment === undefined && selectedCustomer === undefined ? orphanStream : undefined);

  const view = useMemo(() => {
    const matching = filterLogEvents(model.events, {
      logStreamName: activeStream,
      requestId: selectedRequest?.requestId,
      text: deferredText,
    });
    const window = newestWindow(matching, MAX_SHOWN_EVENTS);
    return { window, keys: eventKeys(window.shown) };
  }, [model.events, activeStream, selectedRequest?.requestId, deferredText]);

  const streams = boundedStreams(model.streams, MAX_SHOWN_STREAMS, activeStream);

  // Roving focus inside the list: one tab stop, arrows move between lines.
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const activeIndex = activeKey !== undefined ? view.keys.indexOf(activeKey) : -1;
  const rovingIndex = activeIndex >= 0 ? activeIndex : view.keys.length - 1;

  // Stay at the newest line while the reader is there; never pull them away from what they read.
  // A new scope (stream, request, filter) starts at its newest lines.
  const listRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const scopeKey = JSON.stringify([activeStream, selectedRequest?.requestId, deferredText]);
  const scrolledScope = useRef<string | undefined>(undefined);
  const newestKey = view.keys.at(-1);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return undefined;
    if (scrolledScope.current !== scopeKey) {
      scrolledScope.current = scopeKey;
      atBottom.current = true;
    }
    if (atBottom.current && newestKey !== undefined) return scrollToEndBeforePaint(el);
    return undefined;
  }, [scopeKey, newestKey]);
  // A reader at the newest line stays there when the panel reflows, and when the lines grow:
  // lines out of view skip layout (content-visibility) and count with an estimated height, so
  // the newest ones render taller than they were counted once they come into view.
  const linesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    if (linesRef.current) observer.observe(linesRef.current);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const el = listRef.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  // Keep the selected stream visible in its own list (without scrolling the page).
  const streamListRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = streamListRef.current;
    if (!list || activeStream === undefined) return;
    const item = list.querySelector<HTMLElement>(`[data-stream="${CSS.escape(activeStream)}"]`);
    if (!item) return;
    const top = item.offsetTop; // the list is positioned: offsets are relative to it
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top;
  }, [activeStream]);

  function focusLine(i: number) {
    const key = view.keys[i];
    if (key === undefined) return;
    setActiveKey(key);
    (linesRef.current?.children[i] as HTMLElement | undefined)?.focus();
  }

  // Stable for the memoised lines: reads the current sim through a ref.
  const simRef = useRef(sim);
  useLayoutEffect(() => {
    simRef.current = sim;
  }, [sim]);
  const activate = useCallback(
    (event: LogEvent) => {
      if (event.requestId === undefined) return;
      const callerId = simRef.current.invocation(event.requestId)?.callerId;
      if (callerId === undefined) {
        setNotice(`Request ${event.requestId} has no customer in the model's records any more.`);
        return;
      }
      setNotice(undefined);
      setOrphanStream(undefined);
      select(callerId);
    },
    [select],
  );

  function onListKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const last = view.keys.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: rovingIndex + 1,
      ArrowUp: rovingIndex - 1,
      Home: 0,
      End: last,
      PageDown: rovingIndex + 10,
      PageUp: rovingIndex - 10,
    };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation(); // arrows and PageUp/Down are also café keys; here they move in the list
      focusLine(Math.max(0, Math.min(last, moves[e.key])));
    } else if (e.key === 'Enter' || e.key === ' ') {
      const event = view.window.shown[rovingIndex];
      if (event) {
        e.preventDefault();
        e.stopPropagation();
        activate(event);
      }
    }
  }

  function chooseStream(stream: StreamView | undefined) {
    setNotice(undefined);
    if (stream === undefined) {
      setOrphanStream(undefined);
      selectEnvironment(undefined);
    } else if (stream.envId !== undefined) {
      setOrphanStream(undefined);
      selectEnvironment(stream.logStreamName === activeStream ? undefined : stream.envId);
    } else {
      // The café cannot select a barista it no longer lists: follow the stream here only.
      selectEnvironment(undefined);
      setOrphanStream(stream.logStreamName === activeStream ? undefined : stream.logStreamName);
    }
  }

  const scope = activeStream
    ? `stream ${activeStream}${selectedEnv ? ` (Barista ${selectedEnv.id})` : ''}`
    : selectedRequest
      ? `request ${selectedRequest.requestId} (${selectedRequest.label})`
      : 'all streams';
  const note = windowNote(view.window);
  const filtering = deferredText.trim() !== '';

  return (
    <section className="logs-panel" aria-labelledby={`${baseId}-title`} data-testid="logs-panel">
      <h3 id={`${baseId}-title`} className="panel-title">
        CloudWatch Logs{' '}
        <span className="zone-meaning">= what the function wrote, one stream per barista</span>
      </h3>
      <p className="logs-group">
        Log group <code>{LOG_GROUP}</code>
      </p>
      <div className="logs-body">
        <section className="logs-streams" aria-labelledby={`${baseId}-streams`}>
          <h4 id={`${baseId}-streams`}>
            Log streams <span className="logs-count">({model.streams.length})</span>
          </h4>
          <ul ref={streamListRef}>
            <li>
              <button
                type="button"
                className="logs-stream all"
                aria-pressed={activeStream === undefined && selectedRequest === undefined}
                onClick={() => {
                  chooseStream(undefined);
                  if (selectedCustomer !== undefined) select(undefined);
                }}
              >
                <span className="logs-stream-label">All streams (search the log group)</span>
              </button>
            </li>
            {streams.shown.map((s) => (
              <li key={s.logStreamName}>
                <button
                  type="button"
                  className={`logs-stream state-${s.state ?? 'unlisted'}`}
                  aria-pressed={s.logStreamName === activeStream}
                  data-stream={s.logStreamName}
                  onClick={() => chooseStream(s)}
                  title={s.envId ? `Select Barista ${s.envId} and show its stream` : 'Show this stream'}
                >
                  <code className="logs-stream-name">{s.logStreamName}</code>
                  <span className="logs-stream-label">{streamLabel(s)}</span>
                  <span className="logs-stream-meta">
                    {s.lastEventTime !== undefined
                      ? `Last event ${cloudWatchTime(s.lastEventTime)} · ${s.eventCount} in buffer`
                      : 'No events yet'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {streams.hidden > 0 && (
            <p className="logs-note">
              +{streams.hidden} older streams not listed (their events are in “All streams”).
            </p>
          )}
        </section>

        <section className="logs-events" aria-labelledby={`${baseId}-events`}>
          <h4 id={`${baseId}-events`}>
            Log events <span className="logs-scope">· {scope}</span>
          </h4>
          <div className="logs-toolbar">
            <label htmlFor={`${baseId}-filter`}>Filter events</label>
            <input
              id={`${baseId}-filter`}
              type="search"
              value={text}
              placeholder="Request id or text"
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${baseId}-filter-help`}
            />
            {text !== '' && (
              <button type="button" className="btn ghost" onClick={() => setText('')}>
                Clear filter
              </button>
            )}
            {(selectedRequest || selectedEnv) && (
              <button
                type="button"
                className="btn ghost"
                onClick={() => (selectedRequest ? select(undefined) : selectEnvironment(undefined))}
              >
                {selectedRequest
                  ? `Show all requests (unselect ${selectedRequest.label})`
                  : 'Show all streams'}
              </button>
            )}
          </div>
          <p id={`${baseId}-filter-help`} className="logs-help">
            Plain text, any case: matches part of a line or a request id. Enter on a line selects its
            customer.
          </p>
          {note && <p className="logs-note">{note}</p>}
          <div role="status" className="logs-status">
            {notice ??
              (view.window.total === 0
                ? filtering
                  ? `No events match “${deferredText.trim()}” in ${scope}.`
                  : selectedCustomer !== undefined && !selectedRequest
                    ? 'The selected customer has no request in the model’s records.'
                    : `No events yet in ${scope}: place an order in the café.`
                : '')}
          </div>
          <div
            ref={listRef}
            className="logs-list"
            role="listbox"
            aria-label={`Log events, ${scope}: timestamp (UTC) and message`}
            aria-describedby={`${baseId}-filter-help`}
            onKeyDown={onListKeyDown}
            onScroll={onScroll}
            tabIndex={view.keys.length === 0 ? 0 : -1}
            data-testid="logs-list"
          >
            <div ref={linesRef} role="none">
              {view.window.shown.map((event, i) => (
                <LogLine
                  key={view.keys[i]}
                  lineKey={view.keys[i]}
                  event={event}
                  active={i === rovingIndex}
                  onActivate={activate}
                  onFocusLine={setActiveKey}
                />
              ))}
            </div>
          </div>
          <p className="logs-footnote">
            Timestamps in UTC. The model keeps at most {formatCount(MODEL_LIMITS.logEvents)} log events (older
            ones are dropped); this list draws at most {MAX_SHOWN_EVENTS} of them.
          </p>
        </section>
      </div>
    </section>
  );
}
