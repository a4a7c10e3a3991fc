import { describe, expect, it } from 'vitest';
import {
  cafePresetFunction,
  createLambdaSimulation,
  type FailureMode,
  type HandlerBehaviour,
} from '../../model';
import {
  errorClassName,
  handlerSource,
  PYTHON_TRACEBACK_LINE,
  seconds,
  sourceText,
  type Language,
} from './handlerSource';
import { tokenize } from './syntax';

const FN = 'cafe-order';

function simWith(handler: Partial<HandlerBehaviour> = {}, timeout?: number) {
  return createLambdaSimulation({
    seed: 1,
    functions: [cafePresetFunction({ Handler: handler, ...(timeout ? { Timeout: timeout } : {}) })],
  });
}

function codeFor(handler: Partial<HandlerBehaviour>, language: Language, timeout?: number) {
  return handlerSource(simWith(handler, timeout).getFunctionConfiguration(FN), language);
}

/** The coloured tokens of a line, as kind:text. */
function kinds(text: string, lang: Language) {
  return tokenize(text, lang)
    .filter((t) => t.kind !== 'plain' && t.kind !== 'name')
    .map((t) => `${t.kind}:${t.text}`);
}

const MILK: FailureMode = { mode: 'always', errorType: 'MilkNotFoundError', errorMessage: 'Out of oat milk' };

describe('the seed handler, generated from the model configuration', () => {
  it('is the tutorial’s Python function: sleep 5 s, print "Processing complete", return 200 "Hello from Lambda!"', () => {
    const source = codeFor({}, 'python');
    expect(sourceText(source)).toBe(
      [
        'import time, json',
        '',
        '',
        'def lambda_handler(event, context):',
        '    # Simulate a long-running task (as in the tutorial).',
        '    # print() goes to CloudWatch Logs; the return value is not logged:',
        '    # a synchronous caller gets it (asynchronous: an OnSuccess destination).',
        '    time.sleep(5)',
        '    print("Processing complete")',
        '    return {"statusCode": 200, "body": json.dumps("Hello from Lambda!")}',
        '',
      ].join('\n'),
    );
    expect(source).toMatchObject({
      fileName: 'lambda_function.py',
      handler: 'lambda_function.lambda_handler',
      runtime: 'python3.13',
    });
  });

  it('is the same function in Node.js: await a 5000 ms sleep, console.log, return the same object', () => {
    const source = codeFor({}, 'nodejs');
    expect(sourceText(source)).toBe(
      [
        'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
        '',
        'export const handler = async (event, context) => {',
        '  await sleep(5000);',
        '  console.log("Processing complete");',
        '  return {',
        '    statusCode: 200,',
        '    body: JSON.stringify("Hello from Lambda!"),',
        '  };',
        '};',
        '',
      ].join('\n'),
    );
    expect(source).toMatchObject({ fileName: 'index.mjs', handler: 'index.handler', runtime: 'nodejs22.x' });
  });

  it('returns a body whose JSON text is exactly the payload the model sends', async () => {
    const sim = simWith();
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(6_000);
    const payload = JSON.parse((await call).Payload!) as { body: string };
    // json.dumps("Hello from Lambda!") / JSON.stringify("Hello from Lambda!") are the body text.
    expect(payload.body).toBe(JSON.stringify('Hello from Lambda!'));
    expect(sourceText(codeFor({}, 'python'))).toContain(`json.dumps(${payload.body})`);
  });

  it('prints exactly the lines the model writes to CloudWatch Logs, and never logs the return value', () => {
    const sim = simWith();
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(6_000);
    const messages = sim.logEvents({ functionName: FN, requestId: call.requestId }).map((e) => e.message);
    const printed = handlerSource(sim.getFunctionConfiguration(FN), 'python')
      .lines.filter((l) => l.role === 'log')
      .map((l) => JSON.parse(/^ {4}print\((".*")\)$/.exec(l.text)![1]) as string);
    expect(printed).toEqual(['Processing complete']);
    // START, the printed line as is (a plain print has no [INFO] prefix), END, REPORT.
    expect(messages.slice(1, -2)).toEqual(printed);
    expect(messages.join('\n')).not.toContain('Hello from Lambda');
  });

  it('follows a configuration change: duration, printed lines and result', () => {
    const sim = simWith();
    sim.updateFunctionConfiguration({
      FunctionName: FN,
      Handler: {
        durationMs: 1500,
        printedLines: ['Grinding beans', 'Done'],
        result: { ok: true, items: [1, null] },
      },
    });
    const config = sim.getFunctionConfiguration(FN);
    const py = sourceText(handlerSource(config, 'python'));
    expect(py).toContain('    time.sleep(1.5)\n    print("Grinding beans")\n    print("Done")\n');
    expect(py).toContain('    return {"ok": True, "items": [1, None]}\n');
    expect(py.split('\n')[0]).toBe('import time'); // no json.dumps needed any more
    const js = sourceText(handlerSource(config, 'nodejs'));
    expect(js).toContain('  await sleep(1500);\n  console.log("Grinding beans");\n  console.log("Done");\n');
    expect(js).toContain('    ok: true,\n    items: [1, null],\n');
  });

  it('writes a jittered run as a random sleep between its bounds', () => {
    expect(sourceText(codeFor({ jitterMs: 500 }, 'python'))).toContain(
      'time.sleep(random.uniform(4.5, 5.5))',
    );
    expect(sourceText(codeFor({ jitterMs: 500 }, 'nodejs'))).toContain(
      'await sleep(4500 + Math.random() * 1000);',
    );
  });
});

describe('failure modes', () => {
  it('a handler that always fails raises its error type in Python and throws in Node.js', () => {
    const py = codeFor({ failure: MILK }, 'python');
    const pyText = sourceText(py);
    expect(pyText).toContain('    raise MilkNotFoundError("Out of oat milk")\n');
    expect(pyText).toContain('class MilkNotFoundError(Exception):\n    pass\n');
    // Nothing after an unconditional raise: no unreachable log line or return.
    expect(pyText).not.toContain('print("');
    expect(pyText).not.toContain('    return');

    const jsText = sourceText(codeFor({ failure: MILK }, 'nodejs'));
    expect(jsText).toContain('  throw new MilkNotFoundError("Out of oat milk");\n');
    expect(jsText).toContain('class MilkNotFoundError extends Error {');
    expect(jsText).toContain('this.name = "MilkNotFoundError";');
    expect(jsText).not.toContain('console.log(');
  });

  it('puts the raise on the line the model’s Python traceback names', () => {
    const sim = simWith({ failure: MILK });
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(6_000);
    const error = sim
      .logEvents({ functionName: FN, requestId: call.requestId })
      .find((e) => e.message.startsWith('[ERROR]'))!;
    const [, lineNo] = /line (\d+), in lambda_handler/.exec(error.message)!;
    const raised = /\n {4}(raise .*)$/.exec(error.message)![1];
    const source = handlerSource(sim.getFunctionConfiguration(FN), 'python');
    expect(Number(lineNo)).toBe(PYTHON_TRACEBACK_LINE);
    expect(source.lines[PYTHON_TRACEBACK_LINE - 1]).toEqual({ text: `    ${raised}`, role: 'raise' });
  });

  it('keeps the raise on that line for conditional failures too', () => {
    const first = codeFor(
      {
        failure: {
          mode: 'firstAttempts',
          count: 2,
          errorType: 'MilkNotFoundError',
          errorMessage: 'Out of oat milk',
        },
      },
      'python',
    );
    expect(first.lines[PYTHON_TRACEBACK_LINE - 1].text).toBe(
      '    if attempt_number(context) <= 2: raise MilkNotFoundError("Out of oat milk")',
    );
    const random = codeFor({ failure: { mode: 'probability', p: 0.25 } }, 'python');
    expect(random.lines[PYTHON_TRACEBACK_LINE - 1].text).toBe(
      '    if random.random() < 0.25: raise Exception("Something went wrong")',
    );
  });

  it('a default error is Python’s Exception and Node’s Error, with the model’s default message', () => {
    const py = sourceText(codeFor({ failure: { mode: 'always' } }, 'python'));
    expect(py).toContain('    raise Exception("Something went wrong")\n');
    expect(py).not.toContain('class '); // built in
    const js = sourceText(codeFor({ failure: { mode: 'always' } }, 'nodejs'));
    expect(js).toContain('  throw new Error("Something went wrong");\n');
    expect(js).not.toContain('class ');
  });

  it('a handler that fails its first attempts counts attempts and still logs and returns afterwards', () => {
    const failure: FailureMode = {
      mode: 'firstAttempts',
      count: 1,
      errorType: 'ValueError',
      errorMessage: 'no cups',
    };
    const py = sourceText(codeFor({ failure }, 'python'));
    expect(py).toContain('def attempt_number(context):');
    expect(py).toContain('print("Processing complete")');
    expect(py).toContain('    return {"statusCode": 200');
    expect(py).not.toContain('class ValueError'); // built in
    const js = sourceText(codeFor({ failure }, 'nodejs'));
    expect(js).toContain('  if (attemptNumber(context) <= 1) throw new ValueError("no cups");');
    expect(js).toContain('class ValueError extends Error {'); // not built into JavaScript
    expect(js).toContain('console.log("Processing complete");');
  });

  it('a handler that fails at random draws a random number in both languages', () => {
    const failure: FailureMode = {
      mode: 'probability',
      p: 0.1,
      errorType: 'MilkNotFoundError',
      errorMessage: 'Out of oat milk',
    };
    expect(sourceText(codeFor({ failure }, 'python')).split('\n')[0]).toBe('import time, json, random');
    expect(sourceText(codeFor({ failure }, 'nodejs'))).toContain(
      '  if (Math.random() < 0.1) throw new MilkNotFoundError("Out of oat milk");',
    );
  });

  it('a handler that hangs sleeps past the timeout and says that Lambda stops it', () => {
    const py = codeFor({ failure: { mode: 'hang' } }, 'python');
    expect(py.lines[7]).toEqual({
      text: '    time.sleep(3600)  # hangs: Lambda stops the run at the 10 s timeout',
      role: 'work',
    });
    const js = codeFor({ failure: { mode: 'hang' } }, 'nodejs');
    expect(sourceText(js)).toContain(
      '  await sleep(3600000); // hangs: Lambda stops the run at the 10 s timeout\n',
    );
    // The lines after the hang are still the function's (they never run: no "Processing complete" in the logs).
    expect(sourceText(js)).toContain('console.log("Processing complete");');
  });

  it('a handler longer than its timeout is marked as stopped by Lambda, as the model times it out', async () => {
    const sim = simWith({}, 3); // Lambda's 3 s default under the 5 s handler
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(4_000);
    expect(JSON.parse((await call).Payload!).errorMessage).toMatch(/Task timed out after 3\.\d\d seconds/);
    const py = handlerSource(sim.getFunctionConfiguration(FN), 'python');
    expect(py.lines[7].text).toBe('    time.sleep(5)  # longer than the 3 s timeout: Lambda stops the run');
  });
});

describe('names and literals', () => {
  it('makes any error type a valid class name', () => {
    expect(errorClassName('MilkNotFoundError')).toBe('MilkNotFoundError');
    expect(errorClassName('Bad-Milk!')).toBe('Bad_Milk_');
    expect(errorClassName('404Error')).toBe('_404Error');
    expect(errorClassName('class')).toBe('class_');
    expect(errorClassName('')).toBe('HandlerError');
  });

  it('escapes messages so no text can break out of its string literal', () => {
    const failure: FailureMode = { mode: 'always', errorType: 'X', errorMessage: 'say "hi"\n\\' };
    expect(sourceText(codeFor({ failure }, 'python'))).toContain('raise X("say \\"hi\\"\\n\\\\")');
    expect(sourceText(codeFor({ failure }, 'nodejs'))).toContain('this.name = "X";');
  });

  it('spreads a return value longer than a line over several lines', () => {
    const result = {
      statusCode: 200,
      body: JSON.stringify('Hello from Lambda! Your oat flat white is ready'),
    };
    expect(sourceText(codeFor({ result }, 'python'))).toContain(
      '    return {\n        "statusCode": 200,\n        "body": json.dumps("Hello from Lambda! Your oat flat white is ready"),\n    }\n',
    );
  });

  it('keeps the bytes of a nested JSON body the same as the model sends (compact, non-ASCII kept)', () => {
    const result = { statusCode: 200, body: JSON.stringify({ drink: 'café', size: 2 }) };
    const py = sourceText(codeFor({ result }, 'python'));
    expect(py).toContain(
      '"body": json.dumps({"drink": "café", "size": 2}, separators=(",", ":"), ensure_ascii=False),',
    );
    expect(sourceText(codeFor({ result }, 'nodejs'))).toContain(
      'body: JSON.stringify({ drink: "café", size: 2 }),',
    );
  });

  it('formats sleeps in seconds', () => {
    expect([seconds(5000), seconds(1500), seconds(250), seconds(0)]).toEqual(['5', '1.5', '0.25', '0']);
  });

  it('tokenizes every generated line back to its exact text', () => {
    const variants: Partial<HandlerBehaviour>[] = [
      {},
      { failure: MILK },
      { failure: { mode: 'hang' } },
      { jitterMs: 100 },
    ];
    for (const language of ['python', 'nodejs'] as const) {
      for (const v of variants) {
        for (const line of codeFor(v, language).lines) {
          expect(
            tokenize(line.text, language)
              .map((t) => t.text)
              .join(''),
          ).toBe(line.text);
        }
      }
    }
  });

  it('colours keywords, strings, numbers and comments', () => {
    expect(kinds('    time.sleep(5)  # hangs', 'python')).toEqual(['number:5', 'comment:# hangs']);
    expect(kinds('    raise X("a # not a comment")', 'python')).toEqual([
      'keyword:raise',
      'string:"a # not a comment"',
    ]);
    expect(kinds('  await sleep(10); // x', 'nodejs')).toEqual([
      'keyword:await',
      'number:10',
      'comment:// x',
    ]);
  });
});
