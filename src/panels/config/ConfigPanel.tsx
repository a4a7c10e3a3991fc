import {
  createContext,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { LAMBDA_DEFAULTS, type LambdaSimulation } from '../../model';
import { useCafe, useCafeStore } from '../../store/CafeContext';
import { usePanelModel } from '../usePanelModel';
import { FUNCTION_NAME } from '../../store/cafeStore';
import {
  awsApiName,
  FAILURE_MODES,
  fieldForRefusal,
  FORMS,
  retiresEnvironments,
  snapshotKey,
  type ConfigSnapshot,
  type FormId,
  type Texts,
} from './configForms';
import {
  destinationArn,
  SERVICES,
  servicesFor,
  type DestinationService,
  type DestinationSlot,
} from './destinationArn';
import { grouped, rangeText, RULES } from './fieldText';
import './configPanel.css';

/** One form's state as its fields need it. */
interface FormState {
  idFor(key: string): string;
  texts: Texts;
  errors: Texts;
  /** The field holds a draft that differs from the current configuration. */
  isDraft(key: string): boolean;
  set(key: string, value: string): void;
}

const FormContext = createContext<FormState | null>(null);

function useFormState(): FormState {
  const state = useContext(FormContext);
  if (!state) throw new Error('A configuration field must be inside a ConfigForm');
  return state;
}

function without(texts: Texts, key: string): Texts {
  const rest = { ...texts };
  delete rest[key];
  return rest;
}

function liveEnvironments(sim: LambdaSimulation): number {
  return sim.environments().filter((e) => e.functionName === FUNCTION_NAME && e.state !== 'shutdown').length;
}

/**
 * One small form = one API call. The fields show the current configuration until edited; a
 * draft stays (also when refused) until it is applied or reset. A refusal is shown next to the
 * field it concerns and the focus moves there, so it is read with its label.
 */
function ConfigForm({
  id,
  snapshot,
  legend,
  api,
  note,
  children,
}: {
  id: FormId;
  snapshot: ConfigSnapshot;
  legend: string;
  api: ReactNode;
  note?: ReactNode;
  children: ReactNode;
}) {
  const store = useCafeStore();
  const configure = useCafe((s) => s.tryConfigure);
  const base = useId();
  const [drafts, setDrafts] = useState<Texts>({});
  const [errors, setErrors] = useState<Texts>({});
  const [status, setStatus] = useState('');
  /** The field to focus after a refusal renders (a new object each time, so a repeat refocuses). */
  const [focusRequest, setFocusRequest] = useState<{ key: string } | undefined>(undefined);
  const current = useMemo(() => FORMS[id].values(snapshot), [id, snapshot]);
  const texts = useMemo(() => ({ ...current, ...drafts }), [current, drafts]);
  const idFor = (key: string) => `${base}-${key}`;

  useEffect(() => {
    if (focusRequest) document.getElementById(`${base}-${focusRequest.key}`)?.focus();
  }, [focusRequest, base]);

  const state: FormState = {
    idFor,
    texts,
    errors,
    isDraft: (key) => key in drafts && drafts[key] !== current[key],
    set(key, value) {
      setDrafts((d) => ({ ...d, [key]: value }));
      setErrors((e) => without(e, key));
      setStatus('');
    },
  };

  function showErrors(next: Texts) {
    const order = FORMS[id].fields.map(([key]) => key);
    setFocusRequest({ key: order.find((key) => key in next) ?? Object.keys(next)[0] });
    setErrors(next);
    setStatus('');
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const { sim } = store.getState();
    const fresh = JSON.parse(snapshotKey(sim, FUNCTION_NAME)) as ConfigSnapshot;
    const outcome = FORMS[id].build(fresh, texts);
    if (outcome.kind === 'invalid') {
      showErrors(outcome.errors);
      return;
    }
    if (outcome.kind === 'unchanged') {
      setDrafts({});
      setErrors({});
      setStatus('Nothing to apply: that is the current configuration.');
      return;
    }
    const retiring = retiresEnvironments(outcome.op) ? liveEnvironments(sim) : 0;
    const refused = configure(outcome.op);
    if (refused) {
      showErrors({
        [fieldForRefusal(id, refused, Object.keys(drafts))]: `${refused.type}: ${refused.message}`,
      });
      return;
    }
    setDrafts({});
    setErrors({});
    const retired = retiresEnvironments(outcome.op)
      ? retiring > 0
        ? ` ${retiring} execution environment${retiring === 1 ? '' : 's'} retired (busy ones after their run): the next request starts cold.`
        : ' The next request starts cold.'
      : '';
    setStatus(`Applied ${awsApiName(outcome.op)}: ${outcome.changes.join('; ')}.${retired}`);
  }

  function reset() {
    setDrafts({});
    setErrors({});
    setStatus(
      Object.keys(drafts).length ? 'Drafts discarded: the fields show the current configuration.' : '',
    );
  }

  const legendId = `${base}-legend`;
  return (
    <FormContext.Provider value={state}>
      <form className="cfg-form" onSubmit={apply} aria-labelledby={legendId} noValidate>
        <fieldset>
          <legend id={legendId}>{legend}</legend>
          <p className="cfg-api">{api}</p>
          <div className="cfg-fields">{children}</div>
          {note ? <p className="cfg-note">{note}</p> : null}
          <div className="cfg-actions">
            <button type="submit" className="cfg-apply">
              Apply
            </button>
            <button type="button" className="cfg-reset" onClick={reset}>
              Reset
            </button>
            <p className="cfg-status" role="status">
              {status}
            </p>
          </div>
        </fieldset>
      </form>
    </FormContext.Provider>
  );
}

/** The describedby list of a field: its hint, and its error when it has one. */
function describedBy(state: FormState, name: string): string {
  const id = state.idFor(name);
  return state.errors[name] ? `${id}-hint ${id}-error` : `${id}-hint`;
}

function FieldFoot({ name, hint }: { name: string; hint: ReactNode }) {
  const state = useFormState();
  const id = state.idFor(name);
  return (
    <>
      <span className="cfg-hint" id={`${id}-hint`}>
        {hint}
        {state.isDraft(name) ? <strong className="cfg-draft"> Draft, not applied.</strong> : null}
      </span>
      {state.errors[name] ? (
        <span className="cfg-error" id={`${id}-error`}>
          {state.errors[name]}
        </span>
      ) : null}
    </>
  );
}

function TextField({
  name,
  label,
  hint,
  inputMode = 'numeric',
  placeholder,
  wide = false,
  onEdit,
}: {
  name: string;
  label: ReactNode;
  hint: ReactNode;
  inputMode?: 'numeric' | 'decimal' | 'text';
  placeholder?: string;
  wide?: boolean;
  onEdit?: () => void;
}) {
  const state = useFormState();
  const id = state.idFor(name);
  return (
    <div className={wide ? 'cfg-field cfg-wide' : 'cfg-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={state.texts[name] ?? ''}
        aria-invalid={state.errors[name] ? true : undefined}
        aria-describedby={describedBy(state, name)}
        onChange={(e) => {
          state.set(name, e.target.value);
          onEdit?.();
        }}
      />
      <FieldFoot name={name} hint={hint} />
    </div>
  );
}

function TextArea({
  name,
  label,
  hint,
  rows = 2,
}: {
  name: string;
  label: ReactNode;
  hint: ReactNode;
  rows?: number;
}) {
  const state = useFormState();
  const id = state.idFor(name);
  return (
    <div className="cfg-field cfg-wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        spellCheck={false}
        value={state.texts[name] ?? ''}
        aria-invalid={state.errors[name] ? true : undefined}
        aria-describedby={describedBy(state, name)}
        onChange={(e) => state.set(name, e.target.value)}
      />
      <FieldFoot name={name} hint={hint} />
    </div>
  );
}

function SelectField({
  name,
  label,
  hint,
  options,
}: {
  name: string;
  label: ReactNode;
  hint: ReactNode;
  options: { id: string; label: string }[];
}) {
  const state = useFormState();
  const id = state.idFor(name);
  return (
    <div className="cfg-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={state.texts[name] ?? ''}
        aria-invalid={state.errors[name] ? true : undefined}
        aria-describedby={describedBy(state, name)}
        onChange={(e) => state.set(name, e.target.value)}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldFoot name={name} hint={hint} />
    </div>
  );
}

// ---------------------------------------------------------------- the forms

function GeneralForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const { config } = snapshot;
  return (
    <ConfigForm
      id="general"
      snapshot={snapshot}
      legend="Timeout and memory"
      api={<code>UpdateFunctionConfiguration</code>}
      note="Changing Timeout or MemorySize retires the function's execution environments (idle ones at once, busy ones after their run): the next request starts cold, as on AWS."
    >
      <TextField
        name="Timeout"
        label="Timeout (s)"
        hint={`Current: ${config.Timeout} s. ${rangeText(RULES.Timeout)}.`}
      />
      <TextField
        name="MemorySize"
        label="MemorySize (MB)"
        hint={`Current: ${grouped(config.MemorySize)} MB. ${rangeText(RULES.MemorySize)}.`}
      />
    </ConfigForm>
  );
}

function ReservedForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const { config, accountConcurrency } = snapshot;
  const reserved = config.ReservedConcurrentExecutions;
  return (
    <ConfigForm
      id="reserved"
      snapshot={snapshot}
      legend="Reserved concurrency"
      api={
        <>
          <code>PutFunctionConcurrency</code>; unreserved = <code>DeleteFunctionConcurrency</code>
        </>
      }
    >
      <ReservedFields reserved={reserved} accountConcurrency={accountConcurrency} />
    </ConfigForm>
  );
}

function ReservedFields({
  reserved,
  accountConcurrency,
}: {
  reserved: number | null;
  accountConcurrency: number;
}) {
  const state = useFormState();
  const name = state.idFor('mode');
  const choices = [
    { id: 'unreserved', label: "Unreserved: share the account's unreserved pool" },
    { id: 'reserved', label: 'Reserve concurrency' },
  ];
  return (
    <>
      <fieldset className="cfg-field cfg-wide cfg-choice">
        <legend>Reservation</legend>
        {choices.map((c) => (
          <label key={c.id} className="cfg-radio">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={state.texts.mode === c.id}
              onChange={() => state.set('mode', c.id)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <TextField
        name="value"
        label="ReservedConcurrentExecutions"
        placeholder="e.g. 3"
        onEdit={() => {
          if (state.texts.mode !== 'reserved') state.set('mode', 'reserved');
        }}
        hint={`Current: ${reserved === null ? 'unreserved' : reserved}. 0–${grouped(accountConcurrency)} (the account limit); 0 stops every invocation.`}
      />
    </>
  );
}

function ProvisionedForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const { config, accountConcurrency } = snapshot;
  const max = config.ReservedConcurrentExecutions ?? accountConcurrency;
  return (
    <ConfigForm
      id="provisioned"
      snapshot={snapshot}
      legend="Provisioned concurrency"
      api={
        <>
          <code>PutProvisionedConcurrencyConfig</code>; 0 = <code>DeleteProvisionedConcurrencyConfig</code>
        </>
      }
      note="Environments initialised in advance: no cold start while they last. AWS sets this on a published version or alias; the café sets it on $LATEST."
    >
      <TextField
        name="value"
        label="ProvisionedConcurrentExecutions"
        hint={`Current: ${config.ProvisionedConcurrentExecutions}. 0–${grouped(max)} (${config.ReservedConcurrentExecutions === null ? 'the account limit' : 'the reserved concurrency'}).`}
      />
    </ConfigForm>
  );
}

function AccountForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const reserved = snapshot.config.ReservedConcurrentExecutions ?? 0;
  return (
    <ConfigForm
      id="account"
      snapshot={snapshot}
      legend="Account concurrency limit"
      api="A Service Quotas request on AWS (Concurrent executions), not a Lambda API call."
    >
      <TextField
        name="value"
        label="ConcurrentExecutions (account)"
        hint={`Current: ${grouped(snapshot.accountConcurrency)} (unreserved: ${grouped(snapshot.accountConcurrency - reserved)}). AWS default ${grouped(LAMBDA_DEFAULTS.accountConcurrency)} per Region; the café allows ${rangeText(RULES.accountConcurrency, false)}.`}
      />
    </ConfigForm>
  );
}

function HandlerForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const h = snapshot.config.Handler;
  return (
    <ConfigForm
      id="handler"
      snapshot={snapshot}
      legend="What the code does"
      api={
        <>
          Stands for a code deployment (<code>UpdateFunctionCode</code> on AWS)
        </>
      }
      note="A new version of the code retires the function's execution environments (idle ones at once, busy ones after their run): the next request starts cold, as on AWS."
    >
      <HandlerFields timeout={snapshot.config.Timeout} current={h} />
    </ConfigForm>
  );
}

function HandlerFields({
  timeout,
  current,
}: {
  timeout: number;
  current: ConfigSnapshot['config']['Handler'];
}) {
  const state = useFormState();
  const mode = state.texts.failureMode;
  const raises = mode === 'always' || mode === 'firstAttempts' || mode === 'probability';
  const currentMode = FAILURE_MODES.find((m) => m.id === current.failure.mode)?.label ?? current.failure.mode;
  return (
    <>
      <TextField
        name="durationMs"
        label="Duration (ms)"
        inputMode="decimal"
        hint={`Current: ${grouped(current.durationMs)}. ${rangeText(RULES.durationMs)}; runs past the Timeout (${timeout} s) time out.`}
      />
      <TextField
        name="jitterMs"
        label="Jitter ± (ms)"
        inputMode="decimal"
        hint={`Current: ${grouped(current.jitterMs)}. Each run lasts duration ± jitter (seeded); default 0.`}
      />
      <TextField
        name="initDurationMs"
        label="Init duration (ms)"
        inputMode="decimal"
        hint={`Current: ${grouped(current.initDurationMs)}. ${rangeText(RULES.initDurationMs)} (the Init phase is limited to 10 s).`}
      />
      <SelectField
        name="failureMode"
        label="Failure mode"
        hint={`Current: ${currentMode}.`}
        options={FAILURE_MODES}
      />
      {mode === 'firstAttempts' ? (
        <TextField
          name="count"
          label="Failing attempts (N)"
          hint={`${rangeText(RULES.failureCount)}: the first N attempts of each event fail, later ones succeed.`}
        />
      ) : null}
      {mode === 'probability' ? (
        <TextField
          name="p"
          label="Failure probability (p)"
          inputMode="decimal"
          hint={`${rangeText(RULES.failureP)}: each attempt fails with probability p (seeded).`}
        />
      ) : null}
      {raises ? (
        <>
          <TextField
            name="errorType"
            label="errorType"
            inputMode="text"
            placeholder="Exception"
            hint="The exception's class; empty = Exception."
          />
          <TextField
            name="errorMessage"
            label="errorMessage"
            inputMode="text"
            placeholder="Something went wrong"
            hint="Empty = Something went wrong."
          />
        </>
      ) : null}
      <TextArea
        name="printedLines"
        label="Printed lines (one per line)"
        hint="Logged with logger.info at the end of a successful run; default Processing complete."
      />
      <TextArea
        name="result"
        label="Result (JSON)"
        hint="The handler's return value: the sync caller's payload and OnSuccess's responsePayload."
      />
    </>
  );
}

function AsyncForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const { config } = snapshot;
  return (
    <ConfigForm
      id="async"
      snapshot={snapshot}
      legend="Retries and event age"
      api={<code>PutFunctionEventInvokeConfig</code>}
      note="Only asynchronous (Event) invocations are retried and aged; a synchronous caller gets the error at once."
    >
      <TextField
        name="MaximumRetryAttempts"
        label="MaximumRetryAttempts"
        hint={`Current: ${config.MaximumRetryAttempts}. ${rangeText(RULES.MaximumRetryAttempts)}.`}
      />
      <TextField
        name="MaximumEventAgeInSeconds"
        label="MaximumEventAgeInSeconds"
        hint={`Current: ${grouped(config.MaximumEventAgeInSeconds)} s. ${rangeText(RULES.MaximumEventAgeInSeconds)} (6 h).`}
      />
    </ConfigForm>
  );
}

function serviceOptions(slot: DestinationSlot, includeOther: boolean) {
  return [
    { id: 'none', label: 'None' },
    ...servicesFor(slot).map((s) => ({ id: s, label: SERVICES[s].label })),
    ...(includeOther ? [{ id: 'other', label: 'Other ARN' }] : []),
  ];
}

/** A destination as a service and a name, with the ARN they make. */
function DestinationFields({
  slot,
  prefix,
  label,
  current,
}: {
  slot: DestinationSlot;
  prefix: string;
  label: string;
  current: string | undefined;
}) {
  const state = useFormState();
  const service = state.texts[`${prefix}Service`];
  const name = state.texts[`${prefix}Name`] ?? '';
  const known = service in SERVICES;
  const arn = known
    ? destinationArn(service as DestinationService, name.trim())
    : service === 'other'
      ? name
      : undefined;
  return (
    <>
      <SelectField
        name={`${prefix}Service`}
        label={`${label}: type`}
        hint={`Current: ${current ?? 'none'}.`}
        options={serviceOptions(slot, service === 'other')}
      />
      {service !== 'none' ? (
        <TextField
          name={`${prefix}Name`}
          label={`${label}: ${known ? SERVICES[service as DestinationService].noun : 'ARN'}`}
          inputMode="text"
          hint={
            arn ? (
              <>
                ARN: <code className="cfg-arn">{arn}</code>
              </>
            ) : null
          }
        />
      ) : null}
    </>
  );
}

function DestinationsForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  const d = snapshot.config.DestinationConfig;
  return (
    <ConfigForm
      id="destinations"
      snapshot={snapshot}
      legend="Destinations"
      api={<code>PutFunctionEventInvokeConfig</code>}
      note="Asynchronous invocations only: the invocation record goes to OnSuccess or, after the last retry or at the maximum age, to OnFailure (S3 for failures only)."
    >
      <DestinationFields
        slot="OnSuccess"
        prefix="onSuccess"
        label="OnSuccess"
        current={d.OnSuccess?.Destination}
      />
      <DestinationFields
        slot="OnFailure"
        prefix="onFailure"
        label="OnFailure"
        current={d.OnFailure?.Destination}
      />
    </ConfigForm>
  );
}

function DlqForm({ snapshot }: { snapshot: ConfigSnapshot }) {
  return (
    <ConfigForm
      id="dlq"
      snapshot={snapshot}
      legend="Dead-letter queue"
      api={
        <>
          <code>UpdateFunctionConfiguration</code> (<code>DeadLetterConfig</code>)
        </>
      }
      note="The older mechanism: receives only the event, without the response. When OnFailure is also set, the café sends failures to OnFailure."
    >
      <DestinationFields
        slot="DLQ"
        prefix="dlq"
        label="DeadLetterConfig"
        current={snapshot.config.DeadLetterConfig.TargetArn}
      />
    </ConfigForm>
  );
}

/**
 * The function's configuration, one small form per AWS API call. Every Apply goes through the
 * store's `configure`, so it is recorded on the timeline (replay and step back redo it), and
 * a refusal is the model's own AWS message, shown next to the field.
 */
export default function ConfigPanel() {
  // Read the configuration only when the model changed (version), not on every frame; the
  // string key then keeps the forms from re-rendering when a model event left it as it was.
  const { sim, version } = usePanelModel();
  const key = useMemo(() => ({ version, key: snapshotKey(sim, FUNCTION_NAME) }), [sim, version]).key;
  const snapshot = useMemo(() => JSON.parse(key) as ConfigSnapshot, [key]);
  const titleId = useId();
  return (
    <section className="config-panel" aria-labelledby={titleId}>
      <h2 className="panel-title" id={titleId}>
        Function configuration: <code>{snapshot.config.FunctionName}</code>
      </h2>
      <p className="cfg-intro">
        Each Apply is one AWS API call, recorded on the timeline (step back undoes it). A refused value is
        kept in its field with AWS&apos;s message; the function keeps its last valid configuration.
      </p>
      <Group title="Function settings">
        <GeneralForm snapshot={snapshot} />
      </Group>
      <Group title="Concurrency">
        <ReservedForm snapshot={snapshot} />
        <ProvisionedForm snapshot={snapshot} />
        <AccountForm snapshot={snapshot} />
      </Group>
      <Group title="Handler behaviour">
        <HandlerForm snapshot={snapshot} />
      </Group>
      <Group title="Asynchronous invocation">
        <AsyncForm snapshot={snapshot} />
        <DestinationsForm snapshot={snapshot} />
        <DlqForm snapshot={snapshot} />
      </Group>
    </section>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="cfg-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
