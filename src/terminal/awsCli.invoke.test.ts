import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Utf8 } from '../model';
import { finished, flush, makeTerminal, watchRun } from './testSupport';
import { loadOutputExtras } from './awsGlobals';

// --query, table and YAML output live in a lazily loaded chunk; the café fetches it at start.
beforeAll(() => loadOutputExtras());

const RAW = '--cli-binary-format raw-in-base64-out';

describe('aws lambda invoke, synchronous (RequestResponse)', () => {
  it('blocks until the virtual clock has passed the cold run (~5.25 s), then prints StatusCode 200 with 4-space indentation', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(
      `aws lambda invoke --function-name cafe-order ${RAW} --payload '{"order": "latte"}' out.json`,
    );
    expect(run).toMatchObject({ stdout: '', stderr: '', invocationType: 'RequestResponse' });
    expect(run.pending).toBeDefined();
    const watched = watchRun(run);

    await flush();
    expect(watched.done).toBe(false); // nobody advanced the clock: the caller is still waiting
    sim.advanceBy(5000);
    await flush();
    expect(watched.done).toBe(false); // still inside Init + the 5 s handler
    sim.advanceBy(1000);
    await flush();
    expect(watched.output).toEqual({
      stdout: '{\n    "StatusCode": 200,\n    "ExecutedVersion": "$LATEST"\n}\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('writes the response payload to the outfile, not to the screen', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json');
    expect(cli.fs.exists('out.json')).toBe(false);
    sim.advanceBy(6000);
    await finished(run);
    expect(cli.fs.read('out.json')).toBe('{"statusCode":200,"body":"\\"Hello from Lambda!\\""}');
  });

  it('links the line to the model: requestId is set at once and the record carries the terminal caller', () => {
    const { sim, cli } = makeTerminal();
    const first = cli.run('aws lambda invoke --function-name cafe-order a.json');
    const second = cli.run('aws lambda invoke --function-name cafe-order --invocation-type Event b.json');
    expect(sim.invocation(first.requestId!)).toMatchObject({
      callerId: 'terminal-1',
      callerLabel: 'Terminal call 1',
    });
    expect(sim.invocation(second.requestId!)).toMatchObject({
      callerId: 'terminal-2',
      callerLabel: 'Terminal call 2',
    });
  });

  it('--log-type Tail adds LogResult, which decodes to the START…REPORT lines of that request', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order --log-type Tail out.json');
    sim.advanceBy(6000);
    const out = await finished(run);
    const meta = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(meta)).toEqual(['StatusCode', 'LogResult', 'ExecutedVersion']);
    const lines = decodeBase64Utf8(meta.LogResult as string)
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(`START RequestId: ${run.requestId} Version: $LATEST`);
    expect(lines.at(-2)).toBe(`END RequestId: ${run.requestId}`);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^REPORT RequestId: ${run.requestId}\\tDuration: [\\d.]+ ms\\t.*Init Duration:`),
    );
  });

  it("--query 'LogResult' --output text prints the raw base64, and piping it to base64 -d shows the log", async () => {
    const { sim, cli } = makeTerminal();
    const plain = cli.run(
      "aws lambda invoke --function-name cafe-order --log-type Tail --query 'LogResult' --output text out.json",
    );
    const piped = cli.run(
      'aws lambda invoke --function-name cafe-order --log-type Tail --query LogResult --output text out.json | base64 -d',
    );
    sim.advanceBy(6000);
    const base64 = (await finished(plain)).stdout;
    expect(base64).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
    const decoded = await finished(piped);
    expect(decoded.exitCode).toBe(0);
    expect(decoded.stdout).toContain(`START RequestId: ${piped.requestId} Version: $LATEST`);
    expect(decoded.stdout).toContain('\nProcessing complete\n');
    expect(decoded.stdout).toContain(`REPORT RequestId: ${piped.requestId}\t`);
  });

  it('--query LogResult without --log-type Tail prints None as text and null as json, as the CLI does', async () => {
    const { sim, cli } = makeTerminal();
    const text = cli.run(
      'aws lambda invoke --function-name cafe-order --query LogResult --output text a.json',
    );
    const json = cli.run('aws lambda invoke --function-name cafe-order --query LogResult b.json');
    sim.advanceBy(12_000);
    expect((await finished(text)).stdout).toBe('None\n');
    expect((await finished(json)).stdout).toBe('null\n');
  });

  it('--output text prints the metadata values tab-separated, keys sorted', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order --output text out.json');
    sim.advanceBy(6000);
    expect((await finished(run)).stdout).toBe('$LATEST\t200\n');
  });

  it('a handler error is still exit code 0 with StatusCode 200 and FunctionError, the error object in the outfile', async () => {
    const { sim, cli } = makeTerminal({
      Handler: { failure: { mode: 'always', errorType: 'KeyError', errorMessage: "'size'" } },
    });
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json');
    sim.advanceBy(6000);
    const out = await finished(run);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(
      '{\n    "StatusCode": 200,\n    "FunctionError": "Unhandled",\n    "ExecutedVersion": "$LATEST"\n}\n',
    );
    expect(JSON.parse(cli.fs.read('out.json')!)).toMatchObject({
      errorType: 'KeyError',
      errorMessage: "'size'",
    });
  });

  it('Ctrl-C (interrupt) ends the wait with exit code 130; the run goes on in the model but writes no outfile', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json');
    run.interrupt!();
    expect(await run.pending).toEqual({ stdout: '\n', stderr: '', exitCode: 130 });
    sim.advanceBy(6000);
    await flush();
    expect(sim.invocation(run.requestId!)?.state).toBe('succeeded');
    expect(cli.fs.exists('out.json')).toBe(false);
  });

  it('/dev/stdout as the outfile prints the payload before the metadata', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order /dev/stdout');
    sim.advanceBy(6000);
    expect((await finished(run)).stdout).toBe(
      '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}{\n    "StatusCode": 200,\n    "ExecutedVersion": "$LATEST"\n}\n',
    );
  });
});

describe('aws lambda invoke, asynchronous (Event) and DryRun', () => {
  it('an Event invoke prints {"StatusCode": 202} at once, with no pending part and an empty outfile', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(
      `aws lambda invoke --function-name cafe-order --invocation-type Event ${RAW} --payload '{"order": "latte"}' out.json`,
    );
    expect(run).toMatchObject({
      stdout: '{\n    "StatusCode": 202\n}\n',
      stderr: '',
      exitCode: 0,
      invocationType: 'Event',
    });
    expect(run.pending).toBeUndefined();
    expect(cli.fs.read('out.json')).toBe('');
    expect(sim.invocation(run.requestId!)?.invocationType).toBe('Event'); // the event is in the model's hands
  });

  it('a DryRun prints {"StatusCode": 204} at once and runs nothing', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order --invocation-type DryRun out.json');
    expect(run).toMatchObject({
      stdout: '{\n    "StatusCode": 204\n}\n',
      exitCode: 0,
      invocationType: 'DryRun',
    });
    expect(run.pending).toBeUndefined();
    expect(sim.invocations()).toHaveLength(0);
  });

  it('an Event invoke of an unknown function still fails, a microtask later and without any clock advance', async () => {
    const { cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name nope --invocation-type Event out.json');
    expect(run.pending).toBeDefined();
    expect((await finished(run)).exitCode).toBe(254);
  });
});

describe('aws lambda invoke payloads (CLI v2 binary format)', () => {
  it('sends a raw JSON payload with --cli-binary-format raw-in-base64-out', async () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(
      `aws lambda invoke --function-name cafe-order ${RAW} --payload '{"order": "latte"}' out.json`,
    );
    expect(sim.invocation(run.requestId!)?.payload).toBe('{"order": "latte"}');
  });

  it('reads file://event.json from the terminal file system (seeded with an order)', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(
      `aws lambda invoke --function-name cafe-order ${RAW} --payload file://event.json out.json`,
    );
    expect(JSON.parse(sim.invocation(run.requestId!)!.payload!)).toEqual({ order: 'latte' });
  });

  it('decodes a base64 payload when no binary format is given (the CLI v2 default)', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(
      'aws lambda invoke --function-name cafe-order --payload eyJvcmRlciI6ICJsYXR0ZSJ9 out.json',
    );
    expect(sim.invocation(run.requestId!)?.payload).toBe('{"order": "latte"}');
  });

  it('accepts the global options anywhere on the line, also before the service', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(`aws ${RAW} lambda invoke --function-name cafe-order --payload '{"a": 1}' out.json`);
    expect(sim.invocation(run.requestId!)?.payload).toBe('{"a": 1}');
  });

  it('passes --qualifier $LATEST through, and fails for any other version as the model does', async () => {
    const { sim, cli } = makeTerminal();
    const latest = cli.run(
      "aws lambda invoke --function-name cafe-order --qualifier '$LATEST' --invocation-type Event out.json",
    );
    expect(latest.stdout).toContain('202');
    const v1 = cli.run('aws lambda invoke --function-name cafe-order --qualifier 1 out.json');
    sim.advanceBy(10);
    const out = await finished(v1);
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toContain('(ResourceNotFoundException) when calling the Invoke operation');
  });
});
