import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation } from '../model';
import { createCli } from './awsCli';
import { MemoryFileSystem } from './fileSystem';
import { finished, makeTerminal } from './testSupport';

describe('shell commands around aws', () => {
  it('cat prints a file; a missing one is "No such file or directory", exit 1', () => {
    const { cli } = makeTerminal();
    expect(cli.run('cat event.json')).toEqual({ stdout: '{"order": "latte"}\n', stderr: '', exitCode: 0 });
    expect(cli.run('cat nope.json')).toEqual({
      stdout: '',
      stderr: 'cat: nope.json: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('ls lists the files, rm removes one, and rm of a missing file says so', () => {
    const { cli } = makeTerminal();
    cli.run('echo hi > b.txt');
    expect(cli.run('ls').stdout).toBe('b.txt  event.json\n');
    expect(cli.run('rm b.txt')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cli.run('ls').stdout).toBe('event.json\n');
    expect(cli.run('rm b.txt')).toEqual({
      stdout: '',
      stderr: "rm: cannot remove 'b.txt': No such file or directory\n",
      exitCode: 1,
    });
  });

  it('echo joins its words; echo -n leaves out the newline', () => {
    const { cli } = makeTerminal();
    expect(cli.run('echo "a  b" c').stdout).toBe('a  b c\n');
    expect(cli.run('echo -n x').stdout).toBe('x');
  });

  it('base64 -d and base64 --decode decode a file; base64 encodes stdin', () => {
    const { cli } = makeTerminal();
    cli.run('echo -n \'{"order": "mocha"}\' | base64 > order.b64');
    expect(cli.fs.read('order.b64')).toBe('eyJvcmRlciI6ICJtb2NoYSJ9\n');
    expect(cli.run('base64 -d order.b64').stdout).toBe('{"order": "mocha"}');
    expect(cli.run('base64 --decode order.b64').stdout).toBe('{"order": "mocha"}');
  });

  it('base64 -w 0 does not wrap (for one-line payloads); a bad option is refused', () => {
    const { cli } = makeTerminal();
    cli.run(`echo ${'x'.repeat(80)} > long.txt`);
    expect(cli.run('base64 long.txt').stdout.split('\n')).toHaveLength(3);
    expect(cli.run('base64 -w 0 long.txt').stdout.split('\n')).toHaveLength(2);
    expect(cli.run('base64 --wrap=0 long.txt').stdout.split('\n')).toHaveLength(2);
    expect(cli.run('base64 -x long.txt')).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining("invalid option -- 'x'"),
    });
  });

  it('cat x | base64 -d decodes through a pipe; garbage is "base64: invalid input", exit 1', () => {
    const { cli } = makeTerminal();
    cli.run('echo U1RBUlQgUmVxdWVzdElk > log.b64');
    expect(cli.run('cat log.b64 | base64 -d')).toEqual({
      stdout: 'START RequestId',
      stderr: '',
      exitCode: 0,
    });
    expect(cli.run('echo "not base64!" | base64 -d')).toMatchObject({
      stderr: 'base64: invalid input\n',
      exitCode: 1,
    });
  });

  it('a base64 payload made in the terminal is what CLI v2 expects without the raw flag', () => {
    const { sim, cli } = makeTerminal();
    cli.run('echo -n \'{"order": "mocha"}\' | base64 > order.b64');
    const run = cli.run('aws lambda invoke --function-name cafe-order --payload file://order.b64 out.json');
    expect(sim.invocation(run.requestId!)?.payload).toBe('{"order": "mocha"}');
  });

  it('> writes stdout to a file and >> appends; a pending invoke lands in the file when it finishes', async () => {
    const { sim, cli } = makeTerminal();
    cli.run('echo one > notes.txt');
    cli.run('echo two >> notes.txt');
    expect(cli.fs.read('notes.txt')).toBe('one\ntwo\n');
    const run = cli.run('aws lambda invoke --function-name cafe-order out.json > meta.json');
    expect(run.stdout).toBe('');
    sim.advanceBy(6000);
    expect((await finished(run)).stdout).toBe('');
    expect(JSON.parse(cli.fs.read('meta.json')!)).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
  });

  it('clear sets the clear flag; help lists the commands with this function in the examples', () => {
    const { cli } = makeTerminal();
    expect(cli.run('clear')).toEqual({ stdout: '', stderr: '', exitCode: 0, clear: true });
    const help = cli.run('help').stdout;
    expect(help).toContain('aws lambda invoke');
    expect(help).toContain('--function-name cafe-order');
  });

  it('aws <service> <operation> help prints the synopsis instead of running', () => {
    const { sim, cli } = makeTerminal();
    expect(cli.run('aws lambda invoke help').stdout).toContain('--function-name <value>');
    expect(sim.invocations()).toHaveLength(0);
  });

  it('an empty line or a comment does nothing', () => {
    const { cli } = makeTerminal();
    expect(cli.run('   ')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cli.run('# just a note')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('each terminal has its own files and caller ids (no singletons); a prefix tells two terminals apart', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    const a = createCli({ sim });
    const b = createCli({ sim, fs: new MemoryFileSystem({}), callerPrefix: 'terminal-b' });
    a.run('echo hi > mine.txt');
    expect(b.fs.exists('mine.txt')).toBe(false);
    expect(b.run('ls').stdout).toBe('');
    const run = b.run('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
    expect(sim.invocation(run.requestId!)?.callerId).toBe('terminal-b-1');
  });
});
