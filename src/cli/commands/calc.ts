// `sigmoid-trainer calc [--json] [X ...]`: σ(x) and σ′(x) for each X, from the arguments or,
// when there are none, one X a line from stdin. Values are written in their shortest
// round-trip form, so every digit shown is the double itself and reads back exactly.
// Every X is read before anything is printed: a bad one stops the command with exit 2 and
// no partial table, so a script never mistakes half an answer for a whole one.
import { langFromEnv, type Lang } from "../../core/i18n";
import { readAnswer } from "../../core/read-answer";
import { sigmoid, sigmoidDerivative } from "../../core/sigmoid";
import { parseCommandArgs } from "../args";
import { type CliIO, type Command, UserError, writeLine } from "../io";
import { LINE_LIMIT, LineSplitter } from "../../plain/bounded-lines";
import { quoteInput } from "../quote";

interface Row {
  x: number;
  sigmoid: number;
  derivative: number;
}

/** Where an X came from, for the error message: an argument, or a line of stdin. */
interface Source {
  text: string;
  line?: number;
  /** The line was longer than LINE_LIMIT; `text` is only its start. */
  cut?: boolean;
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean" } }, "calc");
  const lang = langFromEnv(io.env);
  const sources = positionals.length > 0 ? positionals.map((text) => ({ text })) : await readLines(io);
  const rows = sources.flatMap((source) => {
    const x = readX(source, lang);
    return x === null ? [] : [{ x, sigmoid: sigmoid(x), derivative: sigmoidDerivative(x) }];
  });
  if (values.json === true) writeLine(io.stdout, JSON.stringify(rows));
  else if (rows.length > 0) io.stdout.write(table(rows));
  return 0;
};

async function readLines(io: CliIO): Promise<Source[]> {
  if (io.stdin.isTTY) {
    writeLine(io.stderr, "calc: type one x a line; end with Ctrl-D (Ctrl-Z then Enter on Windows).");
  }
  // Lines are cut at LINE_LIMIT as they arrive: a 200 MB line costs no more than a short one,
  // and is refused as too long.
  const sources: Source[] = [];
  let line = 0;
  const splitter = new LineSplitter();
  const add = (lines: readonly { text: string; cut: boolean }[]) => {
    for (const { text, cut } of lines) {
      line++;
      sources.push({ text, line, cut });
    }
  };
  for await (const chunk of io.stdin) add(splitter.push(chunk as Buffer | string));
  add(splitter.end());
  return sources;
}

/** The X as a double; null for a blank stdin line (skipped); a UserError (exit 2) for anything unreadable. */
function readX(source: Source, lang: Lang): number | null {
  if (source.cut || source.text.length > LINE_LIMIT) {
    const where = source.line === undefined ? "" : lang === "ja" ? `${source.line}行目: ` : `line ${source.line}: `;
    throw new UserError(
      lang === "ja"
        ? `calc: ${where}「${quoteInput(source.text.slice(0, LINE_LIMIT))}」は長すぎます（${LINE_LIMIT}文字まで）`
        : `calc: ${where}"${quoteInput(source.text.slice(0, LINE_LIMIT))}" is too long (at most ${LINE_LIMIT} characters)`,
      2,
    );
  }
  const read = readAnswer(source.text);
  if (read.ok) return read.value;
  if (read.code === "empty" && source.line !== undefined) return null;
  // Ours says the position up front, so take the reader's reason without its own position.
  const reason = read.reason[lang];
  const where = source.line === undefined ? "" : lang === "ja" ? `${source.line}行目: ` : `line ${source.line}: `;
  const text = quoteInput(source.text);
  const message =
    lang === "ja"
      ? `calc: ${where}「${text}」は数として読めません（${read.position}文字目）: ${reason}`
      : `calc: ${where}"${text}" is not a number (character ${read.position}): ${reason}`;
  throw new UserError(message, 2);
}

function table(rows: readonly Row[]): string {
  const header = ["x", "σ(x)", "σ′(x)"];
  const columns = [rows.map((r) => r.x), rows.map((r) => r.sigmoid), rows.map((r) => r.derivative)].map(alignOnPoint);
  const widths = columns.map((column, k) => longest(column, header[k]!.length));
  const line = (cells: readonly string[]) =>
    cells
      .map((text, k) => text.padEnd(widths[k]!))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map((_, i) => line(columns.map((column) => column[i]!)))].join("\n")}\n`;
}

/**
 * Shortest round-trip texts, padded so that their decimal points (or where the point would
 * be) line up down the column: signs and magnitudes can be compared at a glance.
 */
function alignOnPoint(values: readonly number[]): string[] {
  const texts = values.map(String);
  const split = texts.map((text) => {
    const point = text.search(/[.e]/);
    return point < 0 ? [text, ""] : [text.slice(0, point), text.slice(point)];
  });
  const whole = longest(split.map(([left]) => left!));
  const fraction = longest(split.map(([, right]) => right!));
  return split.map(([left, right]) => `${left!.padStart(whole)}${right!.padEnd(fraction)}`);
}

/**
 * The length of the longest text, at least `atLeast`. A loop, not Math.max(...lengths): spreading
 * a column of 200,000 X values from stdin overflowed the call stack.
 */
function longest(texts: readonly string[], atLeast = 0): number {
  let max = atLeast;
  for (const text of texts) if (text.length > max) max = text.length;
  return max;
}
