import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation, type LambdaSimulation } from '../../model';
import { handlerSource } from './handlerSource';
import {
  contextFields,
  deadlineOf,
  describeFocus,
  focusOf,
  highlightedLines,
  invocationOfCaller,
  phaseProgress,
  remainingMillis,
  remainingTimeExpression,
  type Selection,
} from './runningLine';

const FN = 'cafe-order';

function setup() {
  const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
  const source = handlerSource(sim.getFunctionConfiguration(FN), 'python');
  return { sim, source };
}

function focus(sim: LambdaSimulation, selection: Selection) {
  const inv = selection.selectedCustomer
    ? invocationOfCaller(sim.invocations(), selection.selectedCustomer)
    : undefined;
  return focusOf(selection, sim.environments(), inv);
}

function textOf(source: ReturnType<typeof handlerSource>, lines: number[]) {
  return lines.map((n) => source.lines[n - 1].text);
}

describe('the running line', () => {
  it('highlights nothing and says how to select when nothing is selected', () => {
    const { sim, source } = setup();
    const f = focus(sim, {});
    expect(highlightedLines(source, f)).toEqual([]);
    expect(describeFocus(f, source)).toMatch(/^Select a barista or a customer in the café/);
  });

  it('highlights the module-level code while a cold start’s Init runs', () => {
    const { sim, source } = setup();
    sim.invoke({ FunctionName: FN }, { callerId: 'customer-1', callerLabel: 'Customer 1' });
    sim.advanceBy(100); // Init lasts ~250 ms
    const f = focus(sim, { selectedEnvironment: 'env-1' });
    expect(f.kind).toBe('init');
    expect(textOf(source, highlightedLines(source, f))).toEqual(['import time, json']);
    // The selected customer's barista is followed too, during its Init.
    expect(focus(sim, { selectedCustomer: 'customer-1' })).toMatchObject({
      kind: 'init',
      env: { id: 'env-1' },
    });
  });

  it('highlights the sleep while the handler runs, then nothing once the barista is idle', () => {
    const { sim, source } = setup();
    const call = sim.invoke({ FunctionName: FN }, { callerId: 'customer-1' });
    sim.advanceBy(2_000);
    const running = focus(sim, { selectedCustomer: 'customer-1' });
    expect(running).toMatchObject({ kind: 'running', requestId: call.requestId });
    expect(textOf(source, highlightedLines(source, running))).toEqual(['    time.sleep(5)']);
    // The same in Node.js.
    const node = handlerSource(sim.getFunctionConfiguration(FN), 'nodejs');
    expect(textOf(node, highlightedLines(node, running))).toEqual(['  await sleep(5000);']);

    sim.advanceBy(4_000);
    const idle = focus(sim, { selectedEnvironment: 'env-1' });
    expect(idle.kind).toBe('idle');
    expect(highlightedLines(source, idle)).toEqual([]);
    // The finished customer is no longer in an environment, even though env-1 still exists.
    const done = focus(sim, { selectedCustomer: 'customer-1' });
    expect(done.kind).toBe('not-running');
    expect(describeFocus(done, source)).toContain('has finished (succeeded');
  });

  it('does not follow a customer into a barista that now serves someone else', () => {
    const { sim } = setup();
    sim.invoke({ FunctionName: FN }, { callerId: 'customer-1' });
    sim.advanceBy(6_000);
    sim.invoke({ FunctionName: FN }, { callerId: 'customer-2' });
    sim.advanceBy(1_000);
    expect(focus(sim, { selectedEnvironment: 'env-1' }).kind).toBe('running');
    expect(focus(sim, { selectedCustomer: 'customer-1' }).kind).toBe('not-running');
    expect(focus(sim, { selectedCustomer: 'customer-2' })).toMatchObject({
      kind: 'running',
      env: { id: 'env-1' },
    });
  });

  it('says a queued event runs no code yet', () => {
    const sim = createLambdaSimulation({
      seed: 1,
      functions: [cafePresetFunction({ ReservedConcurrentExecutions: 1 })],
    });
    const source = handlerSource(sim.getFunctionConfiguration(FN), 'python');
    sim.invoke({ FunctionName: FN }, { callerId: 'customer-1' });
    sim.invoke(
      { FunctionName: FN, InvocationType: 'Event' },
      { callerId: 'customer-2', callerLabel: 'Customer 2' },
    );
    sim.advanceBy(1_000);
    const f = focus(sim, { selectedCustomer: 'customer-2' });
    expect(f.kind).toBe('not-running');
    expect(highlightedLines(source, f)).toEqual([]);
    expect(describeFocus(f, source)).toMatch(
      /^Customer 2's event is (waiting in Lambda's queue|back in the queue)/,
    );
  });

  it('highlights nothing for a shut-down barista and names the reason', () => {
    const sim = createLambdaSimulation({
      seed: 1,
      functions: [cafePresetFunction({ Handler: { failure: { mode: 'hang' } } })],
    });
    const source = handlerSource(sim.getFunctionConfiguration(FN), 'python');
    sim.invoke({ FunctionName: FN });
    sim.advanceBy(5_000);
    // A hanging handler's run: the highlight stays on the long sleep.
    expect(textOf(source, highlightedLines(source, focus(sim, { selectedEnvironment: 'env-1' })))[0]).toMatch(
      /^ {4}time\.sleep\(3600\)/,
    );
    sim.advanceBy(6_000); // past the 10 s timeout: the environment is reset
    const f = focus(sim, { selectedEnvironment: 'env-1' });
    expect(f.kind).toBe('shutdown');
    expect(highlightedLines(source, f)).toEqual([]);
    expect(describeFocus(f, source)).toContain('(TaskTimedOut)');
  });

  it('reports a selection the model no longer has', () => {
    const { sim, source } = setup();
    const f = focus(sim, { selectedEnvironment: 'env-9' });
    expect(f).toEqual({ kind: 'gone', what: 'barista', id: 'env-9' });
    expect(highlightedLines(source, f)).toEqual([]);
  });

  it('measures the progress of Init and of the run from busySince/busyUntil', () => {
    const { sim } = setup();
    sim.invoke({ FunctionName: FN });
    sim.advanceBy(2_250);
    const env = sim.environments()[0];
    const p = phaseProgress(env, sim.now())!;
    expect(p.totalMs).toBeGreaterThanOrEqual(5_000);
    expect(p.elapsedMs).toBeGreaterThan(1_900);
    expect(p.progress).toBeGreaterThan(0.3);
    expect(phaseProgress(env, env.busyUntil! + 1_000)!.progress).toBe(1);
  });
});

describe('the live context object', () => {
  it('shows the running request’s context with Python names, and the Node.js names', () => {
    const { sim } = setup();
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(1_250); // Init + 1 s of the run
    const ctx = sim.context(call.requestId!)!;
    const env = sim.environments()[0];
    const py = contextFields(ctx, 'python');
    expect(py.map((f) => f.expression)).toEqual([
      'context.aws_request_id',
      'context.log_group_name',
      'context.log_stream_name',
      'context.function_name',
      'context.function_version',
      'context.invoked_function_arn',
      'context.memory_limit_in_mb',
    ]);
    expect(Object.fromEntries(py.map((f) => [f.expression, f.value]))).toMatchObject({
      'context.aws_request_id': JSON.stringify(call.requestId),
      'context.log_group_name': '"/aws/lambda/cafe-order"',
      'context.log_stream_name': JSON.stringify(env.logStreamName),
      'context.function_version': '"$LATEST"',
      'context.invoked_function_arn': '"arn:aws:lambda:us-east-1:123456789012:function:cafe-order"',
      'context.memory_limit_in_mb': '"128"', // a string, as in the Python runtime
    });
    expect(contextFields(ctx, 'nodejs').map((f) => f.expression)).toEqual([
      'context.awsRequestId',
      'context.logGroupName',
      'context.logStreamName',
      'context.functionName',
      'context.functionVersion',
      'context.invokedFunctionArn',
      'context.memoryLimitInMB',
    ]);
    expect(remainingTimeExpression('python')).toBe('context.get_remaining_time_in_millis()');
    expect(remainingTimeExpression('nodejs')).toBe('context.getRemainingTimeInMillis()');
  });

  it('ticks the remaining time with the clock and agrees with the model at every instant', () => {
    const { sim } = setup();
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(1_000);
    const readAt = sim.now();
    const deadline = deadlineOf(sim.context(call.requestId!)!, readAt);
    for (const step of [0, 333, 1_500, 3_000]) {
      sim.advanceTo(readAt + step);
      expect(remainingMillis(deadline, sim.now())).toBe(
        Math.floor(sim.context(call.requestId!)!.remaining_time_ms),
      );
    }
    expect(remainingMillis(deadline, deadline + 50)).toBe(0);
    sim.advanceBy(5_000);
    expect(sim.context(call.requestId!)).toBeUndefined(); // no context once the run ended
  });
});
