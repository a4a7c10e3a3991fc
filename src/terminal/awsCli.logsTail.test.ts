import { describe, expect, it } from 'vitest';
import { finished, makeTerminal } from './testSupport';

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 \d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32} \S/;

async function oneRun() {
  const t = makeTerminal();
  const run = t.cli.run('aws lambda invoke --function-name cafe-order out.json');
  t.sim.advanceBy(6000);
  await finished(run);
  return { ...t, requestId: run.requestId! };
}

describe('aws logs tail', () => {
  it('prints "<ISO timestamp> <stream name> <message>" lines, microseconds and +00:00 as the CLI prints them', async () => {
    const { cli, requestId } = await oneRun();
    const run = cli.run('aws logs tail /aws/lambda/cafe-order');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines[0]).toMatch(new RegExp(`START RequestId: ${requestId} Version: \\$LATEST$`));
    expect(lines[3]).toMatch(/REPORT RequestId: .*Init Duration: [\d.]+ ms$/); // the trailing tab is stripped, as rstrip() does
  });

  it('--format short prints a short timestamp and the message only', async () => {
    const { cli } = await oneRun();
    const first = cli.run('aws logs tail /aws/lambda/cafe-order --format short').stdout.split('\n')[0];
    expect(first).toMatch(/^2026-01-15T09:00:00 START RequestId: /);
  });

  it('--since reaches back from the virtual now: 10 minutes by default', async () => {
    const { sim, cli } = await oneRun();
    sim.advanceBy(11 * 60_000);
    expect(cli.run('aws logs tail /aws/lambda/cafe-order').stdout).toBe('');
    expect(cli.run('aws logs tail /aws/lambda/cafe-order --since 1h').stdout.split('\n')).toHaveLength(5);
    expect(cli.run('aws logs tail /aws/lambda/cafe-order --since 2026-01-15T09:00:05').stdout).not.toContain(
      'START',
    );
  });

  it('--filter-pattern keeps the lines containing every term', async () => {
    const { cli } = await oneRun();
    const out = cli.run('aws logs tail /aws/lambda/cafe-order --filter-pattern REPORT').stdout;
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a log group that does not exist (yet) is ResourceNotFoundException for FilterLogEvents', () => {
    const { cli } = makeTerminal();
    const expected = {
      stdout: '',
      stderr:
        '\nAn error occurred (ResourceNotFoundException) when calling the FilterLogEvents operation: The specified log group does not exist.\n',
      exitCode: 254,
    };
    expect(cli.run('aws logs tail /aws/lambda/cafe-order')).toEqual(expected); // no run yet: Lambda has not created it
    expect(cli.run('aws logs tail /aws/lambda/nope')).toEqual(expected);
  });

  it('a missing group name: "the following arguments are required: group_name"', () => {
    const { cli } = makeTerminal();
    expect(cli.run('aws logs tail').stderr).toContain(
      'aws: error: the following arguments are required: group_name\n',
    );
  });

  it('--follow returns a handle that yields new lines as the model writes them, each line once, until stopped', async () => {
    const { sim, cli } = await oneRun();
    const run = cli.run('aws logs tail /aws/lambda/cafe-order --follow');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(4);
    const follow = run.follow!;
    expect(follow.active).toBe(true);
    expect(follow.take()).toBe('');

    const next = cli.run('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
    sim.advanceBy(100);
    const started = follow.take();
    expect(started).toMatch(new RegExp(`START RequestId: ${next.requestId}`));
    expect(follow.take()).toBe(''); // nothing twice

    const pushed: string[] = [];
    const unsubscribe = follow.subscribe((text) => pushed.push(text));
    sim.advanceBy(6000);
    expect(pushed.join('')).toContain(`END RequestId: ${next.requestId}`);
    expect(pushed.join('')).toContain(`REPORT RequestId: ${next.requestId}`);
    unsubscribe();

    follow.stop();
    expect(follow.active).toBe(false);
    cli.run('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
    sim.advanceBy(6000);
    expect(follow.take()).toBe('');
  });
});
