import { beforeAll, describe, expect, it } from 'vitest';
import { finished, makeTerminal } from './testSupport';
import { loadOutputExtras } from './awsGlobals';

// --query, table and YAML output live in a lazily loaded chunk; the café fetches it at start.
beforeAll(() => loadOutputExtras());

describe('aws lambda get-function-configuration', () => {
  it("prints the model's configuration as 4-space JSON", () => {
    const { cli } = makeTerminal();
    const run = cli.run('aws lambda get-function-configuration --function-name cafe-order');
    expect(run.exitCode).toBe(0);
    expect(
      run.stdout.startsWith(
        '{\n    "FunctionName": "cafe-order",\n    "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:cafe-order",\n',
      ),
    ).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({
      Timeout: 10,
      MemorySize: 128,
      Version: '$LATEST',
      State: 'Active',
    });
  });

  it('follows changes made in the model, and --query picks one field', () => {
    const { sim, cli } = makeTerminal();
    sim.updateFunctionConfiguration({ FunctionName: 'cafe-order', Timeout: 3 });
    expect(
      cli.run('aws lambda get-function-configuration --function-name cafe-order --query Timeout').stdout,
    ).toBe('3\n');
  });

  it('shows a dead-letter queue when one is configured', () => {
    const { cli } = makeTerminal({
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
    });
    const config = JSON.parse(
      cli.run('aws lambda get-function-configuration --function-name cafe-order').stdout,
    );
    expect(config.DeadLetterConfig).toEqual({ TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' });
  });

  it('an unknown function is ResourceNotFoundException for GetFunctionConfiguration, exit code 254', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws lambda get-function-configuration --function-name nope')).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (ResourceNotFoundException) when calling the GetFunctionConfiguration operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope\n',
      exitCode: 254,
    });
  });
});

describe('aws lambda update-function-configuration', () => {
  it('changes the timeout in the model (the 3 s lesson) and answers with LastUpdateStatus InProgress', () => {
    const { sim, cli } = makeTerminal();
    const run = cli.run('aws lambda update-function-configuration --function-name cafe-order --timeout 3');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Timeout: 3, LastUpdateStatus: 'InProgress' });
    expect(sim.getFunctionConfiguration('cafe-order').Timeout).toBe(3);
  });

  it('a timeout below 1 is botocore validation (252); above 900 is the service (254)', () => {
    const { cli } = makeTerminal();
    expect(
      cli.run('aws lambda update-function-configuration --function-name cafe-order --timeout 0'),
    ).toEqual({
      stdout: '',
      stderr:
        '\nParameter validation failed:\nInvalid value for parameter Timeout, value: 0, valid min value: 1\n',
      exitCode: 252,
    });
    const high = cli.run('aws lambda update-function-configuration --function-name cafe-order --timeout 901');
    expect(high.exitCode).toBe(254);
    // Lambda's out-of-range refusal (lambda-facts §10; AWS JSON-protocol validation wording).
    expect(high.stderr).toContain(
      "An error occurred (ValidationException) when calling the UpdateFunctionConfiguration operation: 1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    );
  });
});

describe('aws lambda put-function-event-invoke-config', () => {
  it('sets retries and event age in the model and prints the FunctionEventInvokeConfig', () => {
    const { sim, cli } = makeTerminal();
    sim.advanceBy(1500);
    const run = cli.run(
      'aws lambda put-function-event-invoke-config --function-name cafe-order --maximum-retry-attempts 0 --maximum-event-age-in-seconds 3600',
    );
    expect(run).toEqual({
      stdout:
        '{\n    "LastModified": "2026-01-15T09:00:01.500000+00:00",\n' +
        '    "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:cafe-order:$LATEST",\n' +
        '    "MaximumRetryAttempts": 0,\n    "MaximumEventAgeInSeconds": 3600,\n' +
        '    "DestinationConfig": {\n        "OnSuccess": {},\n        "OnFailure": {}\n    }\n}\n',
      stderr: '',
      exitCode: 0,
    });
    expect(sim.getFunctionConfiguration('cafe-order')).toMatchObject({
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 3600,
    });
  });

  it('sets an on-failure destination from --destination-config JSON', () => {
    const { sim, cli } = makeTerminal();
    const arn = 'arn:aws:sqs:us-east-1:123456789012:failed-orders';
    const run = cli.run(
      `aws lambda put-function-event-invoke-config --function-name cafe-order --destination-config '{"OnFailure": {"Destination": "${arn}"}}'`,
    );
    expect(JSON.parse(run.stdout).DestinationConfig).toEqual({
      OnSuccess: {},
      OnFailure: { Destination: arn },
    });
    expect(sim.getFunctionConfiguration('cafe-order').DestinationConfig).toEqual({
      OnFailure: { Destination: arn },
    });
  });

  it('replaces the whole configuration, as Put does: what is not given returns to the default', () => {
    const { sim, cli } = makeTerminal();
    cli.run(
      'aws lambda put-function-event-invoke-config --function-name cafe-order --maximum-retry-attempts 0',
    );
    cli.run(
      'aws lambda put-function-event-invoke-config --function-name cafe-order --maximum-event-age-in-seconds 600',
    );
    expect(sim.getFunctionConfiguration('cafe-order')).toMatchObject({
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 600,
    });
  });

  it("the model's validation error is ValidationException for PutFunctionEventInvokeConfig, exit code 254", () => {
    const { cli } = makeTerminal();
    const run = cli.run(
      'aws lambda put-function-event-invoke-config --function-name cafe-order --maximum-retry-attempts 3',
    );
    expect(run.exitCode).toBe(254);
    // lambda-facts §10: out of range is ValidationException, "Value '3' at 'maximumRetryAttempts' …".
    expect(run.stderr).toMatch(
      /^\nAn error occurred \(ValidationException\) when calling the PutFunctionEventInvokeConfig operation: 1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2\n$/,
    );
  });

  it("a destination that is not an ARN the model accepts is also the service's InvalidParameterValueException", () => {
    const { cli } = makeTerminal();
    const run = cli.run(
      `aws lambda put-function-event-invoke-config --function-name cafe-order --destination-config '{"OnFailure": {"Destination": "my-queue"}}'`,
    );
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain(
      '(InvalidParameterValueException) when calling the PutFunctionEventInvokeConfig operation',
    );
  });

  it('client-side checks: minimum values, int() parsing, JSON syntax and shape', () => {
    const { cli } = makeTerminal();
    const put = 'aws lambda put-function-event-invoke-config --function-name cafe-order';
    expect(cli.run(`${put} --maximum-event-age-in-seconds 59`)).toMatchObject({
      stderr:
        '\nParameter validation failed:\nInvalid value for parameter MaximumEventAgeInSeconds, value: 59, valid min value: 60\n',
      exitCode: 252,
    });
    expect(cli.run(`${put} --maximum-retry-attempts two`)).toEqual({
      stdout: '',
      stderr: "\ninvalid literal for int() with base 10: 'two'\n",
      exitCode: 255,
    });
    const badJson = cli.run(`${put} --destination-config '{"OnFailure": '`);
    expect(badJson.exitCode).toBe(252);
    expect(badJson.stderr).toMatch(/^\nError parsing parameter '--destination-config': Invalid JSON: /);
    expect(cli.run(`${put} --destination-config '{"OnFail": {}}'`).stderr).toBe(
      '\nParameter validation failed:\nUnknown parameter in DestinationConfig: "OnFail", must be one of: OnSuccess, OnFailure\n',
    );
  });
});

describe('reserved concurrency and list-functions', () => {
  it('put-function-concurrency sets the reservation that then throttles a second sync call', async () => {
    const { cli } = makeTerminal();
    const put = cli.run(
      'aws lambda put-function-concurrency --function-name cafe-order --reserved-concurrent-executions 1',
    );
    expect(put.stdout).toBe('{\n    "ReservedConcurrentExecutions": 1\n}\n');
    cli.run('aws lambda invoke --function-name cafe-order a.json');
    const throttled = await finished(
      cli.run('AWS_MAX_ATTEMPTS=1 aws lambda invoke --function-name cafe-order b.json'),
    );
    expect(throttled.stderr).toContain('(TooManyRequestsException)');
  });

  it('get-function-concurrency prints the reservation, or nothing at all when there is none (empty response)', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws lambda get-function-concurrency --function-name cafe-order')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    cli.run(
      'aws lambda put-function-concurrency --function-name cafe-order --reserved-concurrent-executions 2',
    );
    expect(cli.run('aws lambda get-function-concurrency --function-name cafe-order').stdout).toBe(
      '{\n    "ReservedConcurrentExecutions": 2\n}\n',
    );
    expect(cli.run('aws lambda delete-function-concurrency --function-name cafe-order')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(cli.run('aws lambda get-function-concurrency --function-name cafe-order').stdout).toBe('');
  });

  it("list-functions with a projection query lists the functions' names", () => {
    const { cli } = makeTerminal();
    expect(
      cli.run("aws lambda list-functions --query 'Functions[*].FunctionName' --output text").stdout,
    ).toBe('cafe-order\n');
  });
});
