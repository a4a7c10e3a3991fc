/** The part of jmespath.js (the `jmespath` package, 0.16) the terminal uses; it ships no types. */
declare module 'jmespath' {
  export function search(data: unknown, expression: string): unknown;
  export function compile(expression: string): unknown;
}
