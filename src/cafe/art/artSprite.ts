import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * Shared drawings. A busy café draws the same few dozen figures (a customer is one of 2 kinds ×
 * 6 moods × 48 looks) dozens of times a frame; inline, each is 30–80 SVG elements React creates
 * attribute by attribute, and a seek that swaps every card spent about a third of its frame on
 * them. Each drawing is instead written once, as markup, into one hidden sprite per document,
 * and every figure is an <svg> with one <use> of it: the browser clones it natively.
 */

const SPRITE_ID = 'lc-art-sprite';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** SVG attributes React spells in camelCase that SVG spells the same way. */
const CAMEL_IN_SVG = new Set([
  'viewBox',
  'textLength',
  'lengthAdjust',
  'preserveAspectRatio',
  'gradientUnits',
  'gradientTransform',
  'patternUnits',
  'clipPathUnits',
  'pathLength',
]);

const attributeName = (prop: string) =>
  prop === 'className'
    ? 'class'
    : CAMEL_IN_SVG.has(prop)
      ? prop
      : prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The markup React would render for `node`, for drawings only: intrinsic SVG elements with
 * string or number attributes, fragments, and function components without hooks (the art's).
 */
export function artMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return escape(String(node));
  if (Array.isArray(node)) return node.map(artMarkup).join('');
  if (!isValidElement(node)) throw new TypeError('artMarkup: not a drawing');
  const element = node as ReactElement<Record<string, unknown> & { children?: ReactNode }>;
  const { type, props } = element;
  if (type === Fragment) return artMarkup(props.children);
  if (typeof type === 'function') return artMarkup((type as (p: typeof props) => ReactNode)(props));
  if (typeof type !== 'string') throw new TypeError('artMarkup: not a drawing');
  let attributes = '';
  for (const [prop, value] of Object.entries(props)) {
    if (prop === 'children' || value === undefined || value === null || value === false) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && value !== true)
      throw new TypeError(`artMarkup: ${type} ${prop} is not plain data`);
    attributes += ` ${attributeName(prop)}="${escape(value === true ? 'true' : String(value))}"`;
  }
  return `<${type}${attributes}>${artMarkup(props.children)}</${type}>`;
}

/**
 * The href of the drawing named `key` in this document's sprite, written there from `drawing`
 * the first time it is asked for; undefined where there is no document (server rendering,
 * unit tests), where figures are drawn inline. `key` must name everything the drawing depends on.
 */
export function spriteHref(key: string, drawing: () => ReactNode): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const id = `lc-art-${key}`;
  if (!document.getElementById(id)) {
    const defs = spriteDefs(document);
    defs.insertAdjacentHTML('beforeend', `<g id="${escape(id)}">${artMarkup(drawing())}</g>`);
  }
  return `#${id}`;
}

function spriteDefs(doc: Document): SVGDefsElement {
  const existing = doc.getElementById(SPRITE_ID);
  if (existing?.firstElementChild) return existing.firstElementChild as SVGDefsElement;
  const sprite = doc.createElementNS(SVG_NS, 'svg');
  sprite.id = SPRITE_ID;
  sprite.setAttribute('class', 'lc-art-sprite');
  sprite.setAttribute('aria-hidden', 'true');
  sprite.setAttribute('focusable', 'false');
  sprite.setAttribute('width', '0');
  sprite.setAttribute('height', '0');
  const defs = doc.createElementNS(SVG_NS, 'defs') as SVGDefsElement;
  sprite.append(defs);
  doc.body.append(sprite);
  return defs;
}
