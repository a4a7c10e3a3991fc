/**
 * The few Unix commands a Lambda tutorial needs around `aws`: look at the outfile (`cat`, `ls`),
 * tidy up (`rm`), decode `LogResult` (`base64 -d`), and make payload files (`echo … > e.json`).
 * Messages and exit codes follow GNU coreutils.
 */
import { gnuB64Decode, gnuB64Encode, utf8Decode, utf8Encode } from './base64';
import type { MemoryFileSystem } from './fileSystem';
import type { CommandOutput } from './types';

export type ShellCommand = (args: readonly string[], stdin: string, fs: MemoryFileSystem) => CommandOutput;

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 });

function cat(args: readonly string[], stdin: string, fs: MemoryFileSystem): CommandOutput {
  if (args.length === 0) return ok(stdin);
  let stdout = '';
  let stderr = '';
  for (const path of args) {
    const text = path === '-' ? stdin : fs.read(path);
    if (text === undefined) stderr += `cat: ${path}: No such file or directory\n`;
    else stdout += text;
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

function ls(args: readonly string[], _stdin: string, fs: MemoryFileSystem): CommandOutput {
  const wanted = args.filter((a) => !a.startsWith('-'));
  if (wanted.length === 0) {
    const names = fs.list();
    return ok(names.length > 0 ? `${names.join('  ')}\n` : '');
  }
  let stdout = '';
  let stderr = '';
  for (const path of wanted) {
    if (fs.exists(path)) stdout += `${path}\n`;
    else stderr += `ls: cannot access '${path}': No such file or directory\n`;
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 2 };
}

function rm(args: readonly string[], _stdin: string, fs: MemoryFileSystem): CommandOutput {
  const force = args.some((a) => a === '-f' || a === '-rf' || a === '-fr');
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length === 0) {
    return force
      ? ok('')
      : { stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 };
  }
  let stderr = '';
  for (const path of paths) {
    if (!fs.remove(path) && !force) stderr += `rm: cannot remove '${path}': No such file or directory\n`;
  }
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
}

function base64(args: readonly string[], stdin: string, fs: MemoryFileSystem): CommandOutput {
  let decode = false;
  let wrapText = '76';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // -i (ignore garbage) is accepted but decoding stays strict.
    if (a === '-i' || a === '--ignore-garbage') continue;
    if (a === '-d' || a === '--decode' || a === '-D') decode = true;
    else if (a === '-w' || a === '--wrap') wrapText = args[++i] ?? '';
    else if (a.startsWith('--wrap=')) wrapText = a.slice('--wrap='.length);
    else if (a.startsWith('-w')) wrapText = a.slice(2);
    else if (a.startsWith('-') && a !== '-') {
      const usage = "Try 'base64 --help' for more information.\n";
      return {
        stdout: '',
        stderr: `base64: invalid option -- '${a.replace(/^-+/, '')}'\n${usage}`,
        exitCode: 1,
      };
    } else files.push(a);
  }
  if (!/^\d+$/.test(wrapText))
    return { stdout: '', stderr: `base64: invalid wrap size: '${wrapText}'\n`, exitCode: 1 };
  if (files.length > 1) {
    return {
      stdout: '',
      stderr: `base64: extra operand '${files[1]}'\nTry 'base64 --help' for more information.\n`,
      exitCode: 1,
    };
  }
  const source = files[0];
  const input = source === undefined || source === '-' ? stdin : fs.read(source);
  if (input === undefined)
    return { stdout: '', stderr: `base64: ${source}: No such file or directory\n`, exitCode: 1 };
  if (!decode) return ok(gnuB64Encode(utf8Encode(input), Number(wrapText)));
  const { bytes, valid } = gnuB64Decode(input);
  return {
    stdout: utf8Decode(bytes),
    stderr: valid ? '' : 'base64: invalid input\n',
    exitCode: valid ? 0 : 1,
  };
}

function echo(args: readonly string[]): CommandOutput {
  const noNewline = args[0] === '-n';
  const text = (noNewline ? args.slice(1) : args).join(' ');
  return ok(noNewline ? text : `${text}\n`);
}

/** A Map, not an object: a typed word like `constructor` must not find Object.prototype's. */
export const SHELL_COMMANDS: ReadonlyMap<string, ShellCommand> = new Map<string, ShellCommand>([
  ['cat', cat],
  ['ls', ls],
  ['rm', rm],
  ['base64', base64],
  ['echo', echo],
]);
