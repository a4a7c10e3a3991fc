/**
 * Where the terminal used to differ from AWS CLI v2 (issue #13), each with the expected text
 * and where it comes from: the CLI's sources (aws/aws-cli, branch v2), Lambda's API reference,
 * or the real CLI run against the café's bridge (aws-cli 1.45.11, standard retry mode, whose
 * retry, error and table code is the same as v2's).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveScene } from '../cafe/sceneModel';
import { loadOutputExtras } from './awsGlobals';
import { formatTable } from './tableOutput';
import { formatYaml } from './yamlOutput';
import { finished, flush, makeTerminal, watchRun } from './testSupport';

beforeAll(() => loadOutputExtras());

const THROTTLED_AFTER_RETRIES =
  '\nAn error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 2): Rate Exceeded.\n';

/** When a throttled call's three attempts reached Lambda (virtual ms). */
function throttledAttemptTimes(): number[] {
  const { sim, cli } = makeTerminal({ ReservedConcurrentExecutions: 0 });
  cli.run('aws lambda invoke --function-name cafe-order out.json');
  sim.advanceBy(5000);
  return sim.invocations().map((i) => i.acceptedAt);
}

describe('throttling: the CLI retries a 429 (standard mode, 3 attempts)', () => {
  // Source: awscli/botocore/retries/standard.py (DEFAULT_MAX_ATTEMPTS = 3, TooManyRequestsException
  // in _THROTTLED_ERROR_CODES, delay rand() × min(2^(attempt−1), 20) s) and
  // awscli/botocore/exceptions.py ClientError MSG_TEMPLATE "… operation{retry_info}: …" with
  // " (reached max retries: {RetryAttempts})"; the same line printed by the real CLI (e2e).
  it('waits between attempts on the virtual clock, then prints "(reached max retries: 2): Rate Exceeded."', async () => {
    const { sim, cli } = makeTerminal({ ReservedConcurrentExecutions: 0 });
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json');
    const watched = watchRun(run);
    await flush();
    expect(watched.done).toBe(false); // still backing off: the prompt is not back
    const attempts = () => sim.invocations().filter((i) => i.callerId === 'terminal-1');
    expect(attempts()).toHaveLength(1);
    sim.advanceBy(1000); // the first backoff is at most 1 s
    expect(attempts()).toHaveLength(2);
    sim.advanceBy(2000); // the second at most 2 s
    await flush();
    expect(attempts().map((i) => [i.state, i.outcomeReason, i.callerLabel])).toEqual([
      ['rejected', 'TooManyRequestsException', 'Terminal call 1'],
      ['rejected', 'TooManyRequestsException', 'Terminal call 1, attempt 2'],
      ['rejected', 'TooManyRequestsException', 'Terminal call 1, attempt 3'],
    ]);
    const gaps = attempts()
      .slice(1)
      .map((a, i) => a.acceptedAt - attempts()[i].acceptedAt);
    expect(gaps[0]).toBeGreaterThanOrEqual(0);
    expect(gaps[0]).toBeLessThanOrEqual(1000);
    expect(gaps[1]).toBeLessThanOrEqual(2000);
    expect(await finished(run)).toEqual({ stdout: '', stderr: THROTTLED_AFTER_RETRIES, exitCode: 254 });
  });

  it('the café draws the three attempts as one caller coming back', async () => {
    const { sim, cli } = makeTerminal({ ReservedConcurrentExecutions: 0 });
    cli.run('aws lambda invoke --function-name cafe-order out.json');
    sim.advanceBy(3000);
    const leaving = deriveScene(sim, 'cafe-order').leaving;
    expect(leaving.map((c) => [c.id, c.status])).toEqual([['terminal-1', 'turnedAway']]);
  });

  it('retries at the same virtual moments every time (the jitter is seeded by the call)', () => {
    expect(throttledAttemptTimes()).toEqual(throttledAttemptTimes());
  });

  it('a retry that finds a free barista is served: the caller only sees the 200', async () => {
    // One barista, busy for ~5 s with T1; T2 is throttled and comes back within 3 s — still
    // throttled — unless the first order is quick. With a 100 ms handler it is free again.
    const { sim, cli } = makeTerminal({
      ReservedConcurrentExecutions: 1,
      Handler: { durationMs: 100, initDurationMs: 0 },
    });
    cli.run('aws lambda invoke --function-name cafe-order a.json');
    const second = cli.run('aws lambda invoke --function-name cafe-order b.json');
    sim.advanceBy(5000);
    const out = await finished(second);
    expect(out.stdout).toContain('"StatusCode": 200');
    expect(out.stderr).toBe('');
    expect(
      sim
        .invocations()
        .filter((i) => i.callerId === 'terminal-2')
        .map((i) => i.state),
    ).toEqual(['rejected', 'succeeded']);
  });

  it('AWS_MAX_ATTEMPTS and AWS_RETRY_MODE are read from the environment (export, or NAME=value before the command)', async () => {
    const { sim, cli } = makeTerminal({ ReservedConcurrentExecutions: 0 });
    // With one attempt botocore still flags the last attempt: "(reached max retries: 0)" (seen from the real CLI).
    expect(
      (await finished(cli.run('AWS_MAX_ATTEMPTS=1 aws lambda invoke --function-name cafe-order o.json')))
        .stderr,
    ).toBe(
      '\nAn error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 0): Rate Exceeded.\n',
    );
    expect(cli.run('export AWS_MAX_ATTEMPTS=2').exitCode).toBe(0);
    const two = cli.run('aws lambda invoke --function-name cafe-order o.json');
    sim.advanceBy(5000);
    expect((await finished(two)).stderr).toContain('(reached max retries: 1): Rate Exceeded.');
    cli.run('unset AWS_MAX_ATTEMPTS');
    const three = cli.run('AWS_RETRY_MODE=adaptive aws lambda invoke --function-name cafe-order o.json');
    sim.advanceBy(5000);
    expect((await finished(three)).stderr).toBe(THROTTLED_AFTER_RETRIES);
  });

  it("refuses bad retry settings with botocore's words (exit 255), before calling Lambda", () => {
    const { sim, cli } = makeTerminal();
    // awscli/botocore/exceptions.py InvalidMaxRetryAttemptsError, InvalidRetryModeError; Python int().
    expect(cli.run('AWS_MAX_ATTEMPTS=0 aws lambda invoke --function-name cafe-order o.json')).toEqual({
      stdout: '',
      stderr: '\nValue provided to "max_attempts": 0 must be an integer greater than or equal to one.\n',
      exitCode: 255,
    });
    expect(cli.run('AWS_MAX_ATTEMPTS=abc aws lambda invoke --function-name cafe-order o.json').stderr).toBe(
      "\ninvalid literal for int() with base 10: 'abc'\n",
    );
    expect(cli.run('AWS_RETRY_MODE=legacy aws lambda invoke --function-name cafe-order o.json').stderr).toBe(
      '\nInvalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"\n',
    );
    expect(sim.invocations()).toEqual([]);
  });

  it('Ctrl-C during the backoff stops the retries (exit 130)', async () => {
    const { sim, cli } = makeTerminal({ ReservedConcurrentExecutions: 0 });
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json');
    run.interrupt!();
    sim.advanceBy(5000);
    expect((await finished(run)).exitCode).toBe(130);
    expect(sim.invocations()).toHaveLength(1);
  });

  it('a 404 is not retried and has no retry note (ResourceNotFoundException is not retryable)', async () => {
    const { sim, cli } = makeTerminal();
    expect((await finished(cli.run('aws lambda invoke --function-name espresso o.json'))).stderr).toBe(
      '\nAn error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:espresso\n',
    );
    expect(sim.invocations()).toHaveLength(1);
  });
});

describe('function names: every form Lambda accepts', () => {
  // Source: Lambda API reference, Invoke, FunctionName "Name formats": my-function, my-function:v1,
  // arn:aws:lambda:us-west-2:123456789012:function:my-function, 123456789012:function:my-function;
  // "You can append a version number or alias to any of the formats."
  it.each([
    'cafe-order',
    'cafe-order:$LATEST',
    '123456789012:function:cafe-order',
    'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
    'arn:aws:lambda:us-east-1:123456789012:function:cafe-order:$LATEST',
  ])('invoke --function-name %s calls the café function', (name) => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(`aws lambda invoke --function-name '${name}' --invocation-type Event out.json`);
    expect(run.stdout).toBe('{\n    "StatusCode": 202\n}\n');
    expect(sim.invocations()[0].functionName).toBe('cafe-order');
  });

  it('a version or alias the function does not have is a 404 naming it', async () => {
    const { cli } = makeTerminal();
    expect((await finished(cli.run('aws lambda invoke --function-name cafe-order:live o.json'))).stderr).toBe(
      '\nAn error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:cafe-order:live\n',
    );
    expect(
      cli.run('aws lambda get-function-configuration --function-name 123456789012:function:cafe-order:v2')
        .stderr,
    ).toContain('Function not found: arn:aws:lambda:us-east-1:123456789012:function:cafe-order:v2');
  });

  it('a qualifier in the name that disagrees with --qualifier is refused', async () => {
    const { cli } = makeTerminal();
    const out = await finished(
      cli.run('aws lambda invoke --function-name cafe-order:v1 --qualifier v2 o.json'),
    );
    expect(out.stderr).toBe(
      '\nAn error occurred (InvalidParameterValueException) when calling the Invoke operation: The derived qualifier from the function name does not match the specified qualifier.\n',
    );
  });

  it('the configuration commands take ARNs too', () => {
    const { cli } = makeTerminal();
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order';
    expect(
      cli.run(`aws lambda get-function-configuration --function-name ${arn} --query Timeout`).stdout,
    ).toBe('10\n');
    expect(
      cli.run(`aws lambda put-function-concurrency --function-name ${arn} --reserved-concurrent-executions 2`)
        .stdout,
    ).toBe('{\n    "ReservedConcurrentExecutions": 2\n}\n');
  });

  it('an ARN of another account names a function the café cannot find', async () => {
    const { cli } = makeTerminal();
    const out = await finished(
      cli.run(
        'aws lambda invoke --function-name arn:aws:lambda:us-east-1:999999999999:function:cafe-order o.json',
      ),
    );
    expect(out.stderr).toContain(
      '(ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:999999999999:function:cafe-order',
    );
  });
});

describe('--query is real JMESPath', () => {
  it('filters and multiselects, as the real CLI prints them (aws-cli run against the bridge)', () => {
    const { cli } = makeTerminal();
    expect(
      cli.run(
        "aws lambda list-functions --query 'Functions[?Timeout > `5`].{Name: FunctionName, T: Timeout}' --output table",
      ).stdout,
    ).toBe(
      [
        '----------------------',
        '|    ListFunctions   |',
        '+-------------+------+',
        '|    Name     |  T   |',
        '+-------------+------+',
        '|  cafe-order |  10  |',
        '+-------------+------+',
        '',
      ].join('\n'),
    );
    expect(
      cli.run("aws lambda list-functions --query 'Functions[].[FunctionName, MemorySize]' --output text")
        .stdout,
    ).toBe('cafe-order\t128\n');
    expect(
      cli.run(
        "aws lambda get-function-configuration --function-name cafe-order --query '[FunctionName, Timeout, LoggingConfig]'",
      ).stdout,
    ).toBe(
      '[\n    "cafe-order",\n    10,\n    {\n        "LogFormat": "Text",\n        "LogGroup": "/aws/lambda/cafe-order"\n    }\n]\n',
    );
  });

  it('a bad expression is refused before the call (ParamValidationError, exit 252; awscli/customizations/globalargs.py)', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run("aws lambda invoke --function-name cafe-order --query 'Functions[?' out.json");
    expect(run.exitCode).toBe(252);
    expect(run.stderr).toMatch(/^\nBad value for --query Functions\[\?: /);
    expect(sim.invocations()).toEqual([]);
  });
});

describe('--output table and yaml', () => {
  it('table: GetFunctionConfiguration exactly as the real CLI draws it (awscli/table.py)', () => {
    const { cli } = makeTerminal();
    const table = cli.run(
      'aws lambda get-function-configuration --function-name cafe-order --output table',
    ).stdout;
    expect(table.split('\n').slice(0, 5)).toEqual([
      '-----------------------------------------------------------------------------------',
      '|                            GetFunctionConfiguration                             |',
      '+------------------+--------------------------------------------------------------+',
      '|  Description     |                                                              |',
      '|  FunctionArn     |  arn:aws:lambda:us-east-1:123456789012:function:cafe-order   |',
    ]);
    expect(table).toContain(
      [
        '||                                 TracingConfig                                 ||',
        '|+--------------------------+----------------------------------------------------+|',
        '||  Mode                    |  PassThrough                                       ||',
        '|+--------------------------+----------------------------------------------------+|',
        '',
      ].join('\n'),
    );
  });

  it('table: a response that fits on one row, and an empty one', () => {
    // aws-cli against the bridge: `aws lambda invoke … --output table`.
    expect(formatTable('Invoke', { StatusCode: 200, ExecutedVersion: '$LATEST' })).toBe(
      [
        '-----------------------------------',
        '|             Invoke              |',
        '+------------------+--------------+',
        '|  ExecutedVersion | StatusCode   |',
        '+------------------+--------------+',
        '|  $LATEST         |  200         |',
        '+------------------+--------------+',
        '',
      ].join('\n'),
    );
    expect(formatTable('GetFunctionConfiguration', null)).toBe('');
  });

  it('yaml: ruamel.yaml safe dump (awscli/formatter.py YAMLDumper), compared with ruamel.yaml 0.19.1 output', () => {
    expect(
      formatYaml({
        StatusCode: 200,
        ExecutedVersion: '$LATEST',
        LogResult:
          'U1RBUlQgUmVxdWVzdElkOiA4ZjFjMmIzYS0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEgVmVyc2lvbjogJExBVEVTVApFTkQ=',
      }),
    ).toBe(
      'ExecutedVersion: $LATEST\nLogResult: \n  U1RBUlQgUmVxdWVzdElkOiA4ZjFjMmIzYS0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEgVmVyc2lvbjogJExBVEVTVApFTkQ=\nStatusCode: 200\n',
    );
    expect(
      formatYaml({
        events: [
          {
            message:
              'REPORT RequestId: 8f1c2b3a-0000-4000-8000-000000000001\tDuration: 5001.57 ms\tBilled Duration: 5002 ms\tMemory Size: 128 MB\tMax Memory Used: 75 MB\t\n',
            timestamp: 1768467605254,
            ingestionTime: 1768467605254,
          },
        ],
        nextForwardToken: 'f/1',
        payload: '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
        Long: 'word '.repeat(30),
        q: "it's: odd",
        x: ['10', 'true', '', 'a: b', null, 1.5, false],
        e: {},
        n: [[1, 2], []],
      }),
    ).toBe(
      "Long: 'word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word '\ne: {}\nevents:\n- ingestionTime: 1768467605254\n  message: \"REPORT RequestId: 8f1c2b3a-0000-4000-8000-000000000001\\tDuration: 5001.57\n    ms\\tBilled Duration: 5002 ms\\tMemory Size: 128 MB\\tMax Memory Used: 75 MB\\t\\n\"\n  timestamp: 1768467605254\nn:\n- - 1\n  - 2\n- []\nnextForwardToken: f/1\npayload: '{\"statusCode\":200,\"body\":\"\\\"Hello from Lambda!\\\"\"}'\nq: \"it's: odd\"\nx:\n- '10'\n- 'true'\n- ''\n- 'a: b'\n- null\n- 1.5\n- false\n",
    );
  });

  it('yaml: a bare scalar is written as JSON, an empty response as nothing', () => {
    const { cli } = makeTerminal();
    expect(
      cli.run(
        'aws lambda get-function-configuration --function-name cafe-order --query Runtime --output yaml',
      ).stdout,
    ).toBe('"python3.13"\n');
    expect(
      cli.run('aws lambda get-function-concurrency --function-name cafe-order --output yaml').stdout,
    ).toBe('');
  });
});

describe('the commands tutorials use', () => {
  it('get-function: the configuration, the code location and the reserved concurrency', () => {
    const { cli } = makeTerminal({ ReservedConcurrentExecutions: 3 });
    const out = JSON.parse(cli.run('aws lambda get-function --function-name cafe-order').stdout);
    expect(Object.keys(out)).toEqual(['Configuration', 'Code', 'Concurrency']);
    expect(out.Configuration.FunctionName).toBe('cafe-order');
    expect(out.Concurrency).toEqual({ ReservedConcurrentExecutions: 3 });
  });

  it('get-account-settings: the account concurrency limit and what is left unreserved', () => {
    const { cli } = makeTerminal({ ReservedConcurrentExecutions: 3 });
    expect(
      cli.run(
        "aws lambda get-account-settings --query 'AccountLimit.[ConcurrentExecutions, UnreservedConcurrentExecutions]' --output text",
      ).stdout,
    ).toBe('1000\t997\n');
  });

  it('get-/delete-function-event-invoke-config read and reset the async settings', async () => {
    const { cli } = makeTerminal();
    // None yet: Lambda answers 404 (wording as LocalStack gives it; UNCONFIRMED in AWS's docs).
    expect(
      (await finished(cli.run('aws lambda get-function-event-invoke-config --function-name cafe-order')))
        .stderr,
    ).toBe(
      "\nAn error occurred (ResourceNotFoundException) when calling the GetFunctionEventInvokeConfig operation: The function arn:aws:lambda:us-east-1:123456789012:function:cafe-order:$LATEST doesn't have an EventInvokeConfig\n",
    );
    cli.run(
      'aws lambda put-function-event-invoke-config --function-name cafe-order --maximum-retry-attempts 0',
    );
    const got = JSON.parse(
      cli.run('aws lambda get-function-event-invoke-config --function-name cafe-order').stdout,
    );
    expect(got).toMatchObject({
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order:$LATEST',
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnSuccess: {}, OnFailure: {} },
    });
    expect(got.LastModified).toBe('2026-01-15T09:00:00+00:00');
    expect(cli.run('aws lambda delete-function-event-invoke-config --function-name cafe-order')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(cli.run('aws lambda get-function-event-invoke-config --function-name cafe-order').exitCode).toBe(
      254,
    );
  });

  it('aws logs describe-log-streams / get-log-events / filter-log-events read the function log', async () => {
    const { sim, cli } = makeTerminal();
    const group = '/aws/lambda/cafe-order';
    expect(cli.run(`aws logs describe-log-streams --log-group-name ${group}`).stderr).toBe(
      '\nAn error occurred (ResourceNotFoundException) when calling the DescribeLogStreams operation: The specified log group does not exist.\n',
    );
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json');
    sim.advanceBy(6000);
    await finished(run);
    const streams = JSON.parse(cli.run(`aws logs describe-log-streams --log-group-name ${group}`).stdout);
    const stream = streams.logStreams[0];
    expect(stream.logStreamName).toMatch(/^2026\/01\/15\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(stream.arn).toBe(
      `arn:aws:logs:us-east-1:123456789012:log-group:${group}:log-stream:${stream.logStreamName}`,
    );
    const events = JSON.parse(
      cli.run(`aws logs get-log-events --log-group-name ${group} --log-stream-name '${stream.logStreamName}'`)
        .stdout,
    );
    expect(events.events.map((e: { message: string }) => e.message.split(' ')[0])).toEqual([
      'START',
      'Processing', // the tutorial's print("Processing complete"): a printed line is logged bare
      'END',
      'REPORT',
    ]);
    expect(events.nextForwardToken).toMatch(/^f\/\d{56}$/);
    const filtered = cli.run(
      `aws logs filter-log-events --log-group-name ${group} --filter-pattern REPORT --query 'events[].message' --output text`,
    ).stdout;
    expect(filtered).toMatch(/^REPORT RequestId: \S+\tDuration: /);
  });

  it('aws sts get-caller-identity: the café account', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws sts get-caller-identity --query Account --output text').stdout).toBe(
      '123456789012\n',
    );
  });

  it('a real command the café does not model says so plainly; a typo still gets "Invalid choice"', () => {
    const { cli } = makeTerminal();
    const create = cli.run('aws lambda create-function --function-name x');
    expect(create.stderr).toBe(
      '\naws lambda create-function is a real AWS CLI command, but this simulation does not offer it: the café models one Lambda function\'s invocations, configuration and logs. Type "help" for the commands it answers.\n',
    );
    expect(cli.run('aws s3 ls').stderr).toContain(
      'aws s3 is a real AWS CLI command, but this simulation does not offer it',
    );
    expect(cli.run('aws lambda invok').stderr).toContain("Invalid choice: 'invok', maybe you meant:");
    expect(cli.run('aws lamda invoke').stderr).toContain('argument command: Invalid choice');
  });
});

describe("the model's wording for Lambda's validation errors", () => {
  // Source: /work/shared/lambda-facts.md §10 and Lambda's JSON-protocol validation: e.g.
  // "An error occurred (ValidationException) when calling the Invoke operation: 1 validation error
  // detected: Value 'Sync' at 'invocationType' failed to satisfy constraint: Member must satisfy enum
  // value set: [Event, RequestResponse, DryRun]".
  it('an unknown --invocation-type is a ValidationException in the JSON-protocol wording', async () => {
    const { cli } = makeTerminal();
    const out = await finished(
      cli.run('aws lambda invoke --function-name cafe-order --invocation-type Sideways out.json'),
    );
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toBe(
      "\nAn error occurred (ValidationException) when calling the Invoke operation: 1 validation error detected: Value 'Sideways' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]\n",
    );
  });
  it("a malformed JSON payload is InvalidRequestContentException: 'Could not parse request body into json: Could not parse payload into json: …'", async () => {
    const { cli } = makeTerminal();
    const out = await finished(
      cli.run(
        "aws lambda invoke --function-name cafe-order --cli-binary-format raw-in-base64-out --payload '{not json' out.json",
      ),
    );
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toMatch(
      /^\nAn error occurred \(InvalidRequestContentException\) when calling the Invoke operation: Could not parse request body into json: Could not parse payload into json: \S/,
    );
  });
});
