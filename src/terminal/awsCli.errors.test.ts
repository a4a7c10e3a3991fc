import { beforeAll, describe, expect, it } from 'vitest';
import { finished, flush, makeTerminal, USAGE } from './testSupport';
import { loadOutputExtras } from './awsGlobals';

// The list of real commands (for "not offered") loads with the output extras, as in the café.
beforeAll(() => loadOutputExtras());

const RAW = '--cli-binary-format raw-in-base64-out';

describe('command-line errors (exit code 252, after the usage block)', () => {
  it('a missing outfile: "the following arguments are required: outfile"', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws lambda invoke --function-name cafe-order')).toEqual({
      stdout: '',
      stderr: `${USAGE}aws: error: the following arguments are required: outfile\n\n`,
      exitCode: 252,
    });
  });

  it('several missing arguments are comma-joined in argparse order', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws lambda invoke').stderr).toBe(
      `${USAGE}aws: error: the following arguments are required: --function-name, outfile\n\n`,
    );
    expect(cli.run('aws lambda invoke out.json').stderr).toContain('required: --function-name\n');
  });

  it('unknown options: "Unknown options: --foo" (a word after an unknown option stays a positional, as in argparse)', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws lambda invoke --function-name cafe-order --foo out.json')).toEqual({
      stdout: '',
      stderr: `${USAGE}Unknown options: --foo\n\n`,
      exitCode: 252,
    });
    expect(cli.run('aws lambda invoke --function-name cafe-order --foo bar out.json').stderr).toContain(
      'Unknown options: --foo, out.json\n',
    );
  });

  it('an option without its value: "argument --function-name: expected one argument"', () => {
    const { cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name --log-type Tail out.json');
    expect(run.stderr).toBe(`${USAGE}aws: error: argument --function-name: expected one argument\n\n`);
    expect(run.exitCode).toBe(252);
  });

  it("a bad --output value is an argparse choice error with the CLI's two-column list", () => {
    const { cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order --output xml out.json');
    expect(run.exitCode).toBe(252);
    expect(run.stderr).toContain('aws: error: argument --output: Invalid choice, valid choices are:\n\njson');
    expect(run.stderr).toContain(`${'json'.padEnd(40)} | ${'text'.padEnd(40)}\n`);
  });

  it('a mistyped subcommand lists the choices and suggests the close one', () => {
    const { cli } = makeTerminal();
    const run = cli.run('aws lambda invok --function-name cafe-order out.json');
    expect(run.exitCode).toBe(252);
    expect(run.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:');
    expect(run.stderr).toContain("Invalid choice: 'invok', maybe you meant:\n\n  * invoke\n");
  });

  it('bare aws and aws lambda name the missing command and operation', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws').stderr).toContain('aws: error: the following arguments are required: command\n');
    expect(cli.run('aws lambda').stderr).toContain(
      'aws: error: the following arguments are required: operation\n',
    );
  });

  it('an empty --function-name fails botocore validation (252) before any call', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run("aws lambda invoke --function-name '' out.json");
    expect(run).toEqual({
      stdout: '',
      stderr:
        '\nParameter validation failed:\nInvalid length for parameter FunctionName, value: 0, valid min length: 1\n',
      exitCode: 252,
    });
    expect(sim.invocations()).toHaveLength(0);
  });

  it('a file:// payload that does not exist: "Unable to load paramfile"', () => {
    const { cli } = makeTerminal();
    expect(
      cli.run(`aws lambda invoke --function-name cafe-order ${RAW} --payload file://missing.json out.json`),
    ).toEqual({
      stdout: '',
      stderr:
        "\nError parsing parameter '--payload': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'\n",
      exitCode: 252,
    });
  });
});

describe('the CLI v2 base64 trap (exit code 255)', () => {
  it('a JSON payload without --cli-binary-format raw-in-base64-out: Invalid base64: "<payload>"', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run(
      `aws lambda invoke --function-name cafe-order --payload '{"order": "latte"}' out.json`,
    );
    expect(run).toEqual({ stdout: '', stderr: '\nInvalid base64: "{"order": "latte"}"\n', exitCode: 255 });
    expect(sim.invocations()).toHaveLength(0); // nothing reached Lambda
  });

  it('the same trap for a file:// payload, which CLI v2 also decodes as base64', () => {
    const { cli } = makeTerminal();
    const run = cli.run('aws lambda invoke --function-name cafe-order --payload file://event.json out.json');
    expect(run.stderr).toBe('\nInvalid base64: "{"order": "latte"}\n"\n');
    expect(run.exitCode).toBe(255);
  });
});

describe('service errors (exit code 254): "An error occurred (Code) when calling the Op operation: Message"', () => {
  it('an unknown function: ResourceNotFoundException', async () => {
    const { cli } = makeTerminal();
    const out = await finished(cli.run('aws lambda invoke --function-name nope out.json'));
    expect(out).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope\n',
      exitCode: 254,
    });
  });

  it('a payload that is not JSON: InvalidRequestContentException, and no outfile is written', async () => {
    const { cli } = makeTerminal();
    const out = await finished(
      cli.run(`aws lambda invoke --function-name cafe-order ${RAW} --payload 'latte please' out.json`),
    );
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toMatch(
      /^\nAn error occurred \(InvalidRequestContentException\) when calling the Invoke operation: Could not parse request body into json: .*\n$/,
    );
    expect(cli.fs.exists('out.json')).toBe(false);
  });

  it('an invalid --invocation-type is left to the service, as the CLI does not check enum values', async () => {
    const { cli } = makeTerminal();
    const out = await finished(
      cli.run('aws lambda invoke --function-name cafe-order --invocation-type Later out.json'),
    );
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toContain('when calling the Invoke operation:');
  });

  it('a throttled sync call: TooManyRequestsException "Rate Exceeded." when reserved concurrency 1 is busy (with AWS_MAX_ATTEMPTS=1, no retries)', async () => {
    const { sim, cli } = makeTerminal({ ReservedConcurrentExecutions: 1 });
    const first = cli.run('aws lambda invoke --function-name cafe-order a.json');
    const second = cli.run('AWS_MAX_ATTEMPTS=1 aws lambda invoke --function-name cafe-order b.json');
    // botocore flags the last allowed attempt, so even one attempt reports "(reached max retries: 0)"
    // (awscli/botocore/retries/standard.py MaxAttemptsChecker; seen from aws-cli 1.45 against the bridge).
    expect((await finished(second)).stderr).toBe(
      '\nAn error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 0): Rate Exceeded.\n',
    );
    expect((await finished(second)).exitCode).toBe(254);
    await flush();
    sim.advanceBy(6000);
    expect((await finished(first)).exitCode).toBe(0); // the first customer was served meanwhile
  });
});

describe('shell-level errors', () => {
  it('an unknown command: "<name>: command not found", exit code 127', () => {
    const { cli } = makeTerminal();
    expect(cli.run('sam local invoke')).toEqual({
      stdout: '',
      stderr: 'sam: command not found\n',
      exitCode: 127,
    });
  });

  it('an unterminated quote is a clear syntax error, exit code 2', () => {
    const { cli } = makeTerminal();
    expect(cli.run(`aws lambda invoke --payload '{"order": "latte"}`)).toEqual({
      stdout: '',
      stderr: "unexpected EOF while looking for matching `''\n",
      exitCode: 2,
    });
  });

  it('a command name like constructor is not found (no prototype lookups)', () => {
    const { cli } = makeTerminal();
    expect(cli.run('constructor').exitCode).toBe(127);
  });
});
