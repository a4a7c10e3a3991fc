/**
 * The café function's source code, generated from the handler behaviour the model runs
 * (`getFunctionConfiguration(name).Handler` and `Timeout`), in Python (what the model's logs
 * describe) and in Node.js. Pure: no React, no model calls.
 *
 * The Python file is the tutorial's handler (`import time, json`, `time.sleep(5)`,
 * `print("Processing complete")`, `return {"statusCode": 200, "body": json.dumps(…)}`), laid
 * out so that a failure's `raise` is on line 9, the line the model's traceback names
 * (`File "/var/task/lambda_function.py", line 9, in lambda_handler`).
 */
import type { HandlerBehaviour, ResolvedFunctionConfig } from '../../model';

export type Language = 'python' | 'nodejs';

/**
 * What a line is, for the running-line highlight: `init` runs once, during the environment's
 * Init (module-level code); `work`, `raise`, `log` and `return` run inside the handler.
 */
export type LineRole =
  'init' | 'signature' | 'work' | 'raise' | 'log' | 'return' | 'body' | 'comment' | 'blank';

export interface CodeLine {
  text: string;
  role: LineRole;
}

export interface HandlerSource {
  language: Language;
  fileName: string;
  /** The function's Handler setting. */
  handler: string;
  runtime: string;
  lines: CodeLine[];
}

export type HandlerInput = Pick<ResolvedFunctionConfig, 'Timeout'> & { Handler: HandlerBehaviour };

/** The line of lambda_function.py the model's Python traceback names. */
export const PYTHON_TRACEBACK_LINE = 9;

/** Errors each language has built in (no class to declare). */
const PYTHON_BUILTIN_ERRORS = new Set([
  'Exception',
  'ArithmeticError',
  'AssertionError',
  'AttributeError',
  'ConnectionError',
  'FileNotFoundError',
  'IndexError',
  'KeyError',
  'LookupError',
  'MemoryError',
  'NotImplementedError',
  'OSError',
  'PermissionError',
  'RuntimeError',
  'TimeoutError',
  'TypeError',
  'ValueError',
  'ZeroDivisionError',
]);
const JS_BUILTIN_ERRORS = new Set([
  'Error',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
]);
const RESERVED = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'def',
  'default',
  'del',
  'delete',
  'do',
  'elif',
  'else',
  'enum',
  'except',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'from',
  'function',
  'global',
  'if',
  'import',
  'in',
  'instanceof',
  'is',
  'lambda',
  'let',
  'new',
  'nonlocal',
  'not',
  'null',
  'or',
  'pass',
  'raise',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

/** A name usable as a class in both languages (the model's error type is free text). */
export function errorClassName(errorType: string): string {
  let name = errorType.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^_*$/.test(name)) name = 'HandlerError';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** Seconds for `time.sleep`: 5000 → "5", 1500 → "1.5", 250 → "0.25". */
export function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/** A JS string literal; also a valid Python one (JSON escapes are a subset of Python's). */
function str(text: string): string {
  return JSON.stringify(text);
}

/** A string holding JSON text that JSON.stringify(value) would give back exactly (e.g. a `body`). */
function embeddedJson(value: string): { parsed: unknown } | undefined {
  if (!/^["[{]/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return JSON.stringify(parsed) === value ? { parsed } : undefined;
  } catch {
    return undefined;
  }
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pyLiteral(value: unknown, uses: Set<string>): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'None';
  if (typeof value === 'string') {
    const json = embeddedJson(value);
    if (!json) return str(value);
    uses.add('json');
    const args = [pyLiteral(json.parsed, uses)];
    // Python's json.dumps adds spaces and escapes non-ASCII; these keep the bytes JS would send.
    if (typeof json.parsed === 'object' && json.parsed !== null) args.push('separators=(",", ":")');
    if (hasNonAscii(value)) args.push('ensure_ascii=False');
    return `json.dumps(${args.join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => pyLiteral(v, uses)).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${str(k)}: ${pyLiteral(v, uses)}`)
      .join(', ')}}`;
  }
  return 'None';
}

function jsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : str(key);
}

function jsLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string') {
    const json = embeddedJson(value);
    return json ? `JSON.stringify(${jsLiteral(json.parsed)})` : str(value);
  }
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0
      ? '{}'
      : `{ ${entries.map(([k, v]) => `${jsKey(k)}: ${jsLiteral(v)}`).join(', ')} }`;
  }
  return 'null';
}

interface Failure {
  kind: 'always' | 'firstAttempts' | 'probability';
  errorType: string;
  errorMessage: string;
  count?: number;
  p?: number;
}

/** What the handler does, in the terms both generators use. */
interface Plan {
  timeoutMs: number;
  durationMs: number;
  jitterMs: number;
  hang: boolean;
  failure?: Failure;
  printedLines: readonly string[];
  result: unknown;
}

function planOf(input: HandlerInput): Plan {
  const h = input.Handler;
  const f = h.failure;
  const failure: Failure | undefined =
    f.mode === 'always' || f.mode === 'firstAttempts' || f.mode === 'probability'
      ? {
          kind: f.mode,
          // The model's defaults (runPlan.ts).
          errorType: f.errorType ?? 'Exception',
          errorMessage: f.errorMessage ?? 'Something went wrong',
          count: f.mode === 'firstAttempts' ? f.count : undefined,
          p: f.mode === 'probability' ? f.p : undefined,
        }
      : undefined;
  return {
    timeoutMs: input.Timeout * 1000,
    durationMs: Math.max(0, h.durationMs),
    jitterMs: Math.max(0, h.jitterMs),
    hang: f.mode === 'hang',
    failure,
    printedLines: h.printedLines,
    result: h.result,
  };
}

/** The run cannot finish inside the timeout: Lambda stops it. */
function overrunsTimeout(plan: Plan): boolean {
  return plan.hang || Math.max(0, plan.durationMs - plan.jitterMs) > plan.timeoutMs;
}

function timeoutNote(plan: Plan): string {
  const limit = `the ${seconds(plan.timeoutMs)} s timeout`;
  return plan.hang ? `hangs: Lambda stops the run at ${limit}` : `longer than ${limit}: Lambda stops the run`;
}

/** A long sleep for a handler that hangs: well past any timeout it has. */
function hangMs(plan: Plan): number {
  return Math.max(3_600_000, plan.timeoutMs * 2);
}

const line = (text: string, role: LineRole): CodeLine => ({ text, role });
const blank = (): CodeLine => line('', 'blank');

/** Longest generated line before a literal is spread over several lines (PEP 8's 79). */
const PYTHON_LINE_MAX = 79;

function pythonSource(plan: Plan): CodeLine[] {
  const uses = new Set<string>();
  const f = plan.failure;

  // Line 8: the handler's work (lines 5–7 are a comment, so the raise lands on line 9).
  let work: string;
  if (plan.hang) {
    uses.add('time');
    work = `    time.sleep(${seconds(hangMs(plan))})  # ${timeoutNote(plan)}`;
  } else if (plan.jitterMs > 0) {
    uses.add('time').add('random');
    const lo = Math.max(0, plan.durationMs - plan.jitterMs);
    work = `    time.sleep(random.uniform(${seconds(lo)}, ${seconds(plan.durationMs + plan.jitterMs)}))`;
  } else if (plan.durationMs > 0) {
    uses.add('time');
    work = `    time.sleep(${seconds(plan.durationMs)})`;
  } else {
    work = '    pass  # the work itself takes no time';
  }
  if (!plan.hang && overrunsTimeout(plan)) work += `  # ${timeoutNote(plan)}`;

  const body: CodeLine[] = [line(work, 'work')];
  const helpers: CodeLine[] = [];
  if (f && !plan.hang) {
    const cls = errorClassName(f.errorType);
    const raise = `raise ${cls}(${str(f.errorMessage)})`;
    if (f.kind === 'always') body.push(line(`    ${raise}`, 'raise'));
    else if (f.kind === 'probability') {
      uses.add('random');
      body.push(line(`    if random.random() < ${f.p ?? 0}: ${raise}`, 'raise'));
    } else {
      body.push(line(`    if attempt_number(context) <= ${f.count ?? 0}: ${raise}`, 'raise'));
      helpers.push(
        blank(),
        blank(),
        line(
          '# Lambda does not pass the attempt number: this counts the attempts that reach this',
          'comment',
        ),
        line("# execution environment (the café's model counts them across all environments).", 'comment'),
        line('seen = {}', 'init'),
        blank(),
        blank(),
        line('def attempt_number(context):', 'init'),
        line('    seen[context.aws_request_id] = seen.get(context.aws_request_id, 0) + 1', 'body'),
        line('    return seen[context.aws_request_id]', 'body'),
      );
    }
    if (!PYTHON_BUILTIN_ERRORS.has(cls)) {
      helpers.push(
        blank(),
        blank(),
        line('# Defined after the handler: Python looks the name up when the handler runs.', 'comment'),
        line(`class ${cls}(Exception):`, 'init'),
        line('    pass', 'init'),
      );
    }
  }
  // An error that is always raised leaves nothing after it to run.
  if (!(f?.kind === 'always' && !plan.hang)) {
    // A plain print: CloudWatch Logs shows the line as is (a logger would prefix [INFO]…).
    for (const text of plan.printedLines) body.push(line(`    print(${str(text)})`, 'log'));
    body.push(...pythonReturn(plan.result, uses));
  }

  // The tutorial's order: `import time, json`.
  const imports = ['time', 'json', 'random'].filter((m) => uses.has(m));
  return [
    imports.length ? line(`import ${imports.join(', ')}`, 'init') : line('# (no imports needed)', 'comment'),
    blank(),
    blank(),
    line('def lambda_handler(event, context):', 'signature'),
    line('    # Simulate a long-running task (as in the tutorial).', 'comment'),
    line('    # print() goes to CloudWatch Logs; the return value is not logged:', 'comment'),
    line('    # a synchronous caller gets it (asynchronous: an OnSuccess destination).', 'comment'),
    ...body,
    ...helpers,
  ];
}

function pythonReturn(result: unknown, uses: Set<string>): CodeLine[] {
  const oneLine = `    return ${pyLiteral(result, uses)}`;
  if (oneLine.length <= PYTHON_LINE_MAX) return [line(oneLine, 'return')];
  if (isPlainObject(result) && Object.keys(result).length > 0) {
    return [
      line('    return {', 'return'),
      ...Object.entries(result).map(([k, v]) => line(`        ${str(k)}: ${pyLiteral(v, uses)},`, 'return')),
      line('    }', 'return'),
    ];
  }
  return [line(`    return ${pyLiteral(result, uses)}`, 'return')];
}

function jsReturn(result: unknown): CodeLine[] {
  if (isPlainObject(result) && Object.keys(result).length > 0) {
    return [
      line('  return {', 'return'),
      ...Object.entries(result).map(([k, v]) => line(`    ${jsKey(k)}: ${jsLiteral(v)},`, 'return')),
      line('  };', 'return'),
    ];
  }
  return [line(`  return ${jsLiteral(result)};`, 'return')];
}

function nodeSource(plan: Plan): CodeLine[] {
  const f = plan.failure;
  const head: CodeLine[] = [];
  const body: CodeLine[] = [];
  const sleeps = plan.hang || plan.durationMs > 0 || plan.jitterMs > 0;
  if (sleeps)
    head.push(line('const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));', 'init'));

  let work: string;
  if (plan.hang) work = `  await sleep(${hangMs(plan)}); // ${timeoutNote(plan)}`;
  else if (plan.jitterMs > 0) {
    const lo = Math.max(0, Math.round(plan.durationMs - plan.jitterMs));
    const span = Math.round(plan.durationMs + plan.jitterMs) - lo;
    work = `  await sleep(${lo} + Math.random() * ${span});`;
  } else if (plan.durationMs > 0) work = `  await sleep(${Math.round(plan.durationMs)});`;
  else work = '  // the work itself takes no time';
  if (!plan.hang && overrunsTimeout(plan)) work += ` // ${timeoutNote(plan)}`;
  body.push(line(work, 'work'));

  if (f && !plan.hang) {
    // Python's base Exception is Node's Error; the Node.js runtime reports error.name as errorType.
    const cls = f.errorType === 'Exception' ? 'Error' : errorClassName(f.errorType);
    if (!JS_BUILTIN_ERRORS.has(cls)) {
      if (head.length) head.push(blank());
      head.push(
        line(`class ${cls} extends Error {`, 'init'),
        line('  constructor(message) {', 'init'),
        line('    super(message);', 'init'),
        line(`    this.name = ${str(f.errorType)};`, 'init'),
        line('  }', 'init'),
        line('}', 'init'),
      );
    }
    const thrown = `throw new ${cls}(${str(f.errorMessage)});`;
    if (f.kind === 'always') body.push(line(`  ${thrown}`, 'raise'));
    else if (f.kind === 'probability')
      body.push(line(`  if (Math.random() < ${f.p ?? 0}) ${thrown}`, 'raise'));
    else {
      if (head.length) head.push(blank());
      head.push(
        line(
          '// Lambda does not pass the attempt number: this counts the attempts that reach this',
          'comment',
        ),
        line("// execution environment (the café's model counts them across all environments).", 'comment'),
        line('const seen = new Map();', 'init'),
        line('const attemptNumber = (context) => {', 'init'),
        line('  seen.set(context.awsRequestId, (seen.get(context.awsRequestId) ?? 0) + 1);', 'body'),
        line('  return seen.get(context.awsRequestId);', 'body'),
        line('};', 'init'),
      );
      body.push(line(`  if (attemptNumber(context) <= ${f.count ?? 0}) ${thrown}`, 'raise'));
    }
  }
  if (!(f?.kind === 'always' && !plan.hang)) {
    for (const text of plan.printedLines) body.push(line(`  console.log(${str(text)});`, 'log'));
    body.push(...jsReturn(plan.result));
  }
  return [
    ...head,
    ...(head.length ? [blank()] : []),
    line('export const handler = async (event, context) => {', 'signature'),
    ...body,
    line('};', 'signature'),
  ];
}

/** The function's code in one language, as it would have to be written to behave as the model does. */
export function handlerSource(config: HandlerInput, language: Language): HandlerSource {
  const plan = planOf(config);
  return language === 'python'
    ? {
        language,
        fileName: 'lambda_function.py',
        handler: 'lambda_function.lambda_handler',
        runtime: 'python3.13',
        lines: pythonSource(plan),
      }
    : {
        language,
        fileName: 'index.mjs',
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        lines: nodeSource(plan),
      };
}

/** The source as one text (what a copy would give). */
export function sourceText(source: HandlerSource): string {
  return source.lines.map((l) => l.text).join('\n') + '\n';
}
