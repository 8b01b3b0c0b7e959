/** The course's LaTeX subset: parse, lay out in 2-D for the terminal, or write on one line. */
import { type LayoutOptions, layoutFormula } from "./layout";
import { type LinearOptions, linearFormula } from "./linear";
import { parseLatex } from "./parse";
import { hardWrap } from "./width";

export { type LayoutOptions, layoutFormula } from "./layout";
export { type LinearOptions, linearFormula } from "./linear";
export {
  type FunctionName,
  type GreekName,
  type LatexError,
  type LatexNode,
  type LatexRow,
  latexSource,
  type OperatorName,
  type ParseResult,
  parseLatex,
} from "./parse";
export { codePointWidth, displayWidth } from "./width";

/**
 * A formula's source laid out for the terminal. A source outside the subset (which `validate`
 * reports) is shown as written rather than hidden: on one line (line breaks and tabs become
 * spaces), cut into lines of at most maxWidth cells, and in ASCII mode with "?" for any
 * character outside printable ASCII.
 */
export function renderFormula(source: string, options: LayoutOptions = {}): string[] {
  const parsed = parseLatex(source);
  if (parsed.ok) return layoutFormula(parsed.node, options);
  const maxWidth = options.maxWidth === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(options.maxWidth));
  return hardWrap(asWritten(source, options.ascii === true), maxWidth);
}

/** The formula on one line (for plain mode and screen readers), or its source when outside the subset. */
export function renderLinearFormula(source: string, options: LinearOptions = {}): string {
  const parsed = parseLatex(source);
  return parsed.ok ? linearFormula(parsed.node, options) : asWritten(source, options.ascii === true);
}

function asWritten(source: string, ascii: boolean): string {
  const oneLine = source.replace(/\s+/gu, " ");
  return ascii ? oneLine.replace(/[^\x20-\x7e]/gu, "?") : oneLine.replace(/\p{Cc}/gu, "?");
}
