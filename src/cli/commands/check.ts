// `sigmoid-trainer check --quantity sigmoid|derivative (--x X | --formula) --answer A
//  [--digits N] [--json] [--lang ja|en]`: grades A as a learner's answer, the same way the
// trainer does, so authors and scripts can try answers without a session.
// Exit codes: 0 correct, 1 imprecise or incorrect, 2 invalid answer or usage error.
import { checkNumeric } from "../../core/check";
import { checkFormula } from "../../core/check-formula";
import { type Lang, LANGS, langFromEnv } from "../../core/i18n";
import { mistakeName } from "../../core/mistakes";
import { formatShortest, formatSignificant, showShortest } from "../../core/number-format";
import { getQuantity, mistakesAt } from "../../core/quantities";
import { readAnswer } from "../../core/read-answer";
import { MAX_DIGITS, MIN_DIGITS } from "../../core/tolerance";
import type { CheckResult, Verdict } from "../../core/types";
import { integerOption, parseCommandArgs, stringOption, UsageError } from "../args";
import { TRAINER_OPTIONS } from "../common-options";
import { type Command, writeLine } from "../io";
import { quoteInput } from "../quote";

const QUANTITIES = ["sigmoid", "derivative"] as const;
type CheckQuantity = (typeof QUANTITIES)[number];

const DEFAULT_DIGITS = 3;

const OPTIONS = {
  quantity: { type: "string" },
  x: { type: "string" },
  formula: { type: "boolean" },
  answer: { type: "string" },
  digits: { type: "string" },
  // The trainer's --json and --lang, declared once for every command that takes them.
  json: TRAINER_OPTIONS.json,
  lang: TRAINER_OPTIONS.lang,
} as const;

const EXIT_CODES: Record<Verdict, number> = { correct: 0, imprecise: 1, incorrect: 1, invalid: 2 };

const VERDICT_WORDS: Record<Verdict, { ja: string; en: string }> = {
  correct: { ja: "正解", en: "correct" },
  imprecise: { ja: "桁数不足", en: "imprecise" },
  incorrect: { ja: "不正解", en: "incorrect" },
  invalid: { ja: "読み取れません", en: "invalid" },
};

function isCheckQuantity(value: string): value is CheckQuantity {
  return (QUANTITIES as readonly string[]).includes(value);
}

/** σ(−2) / σ′(−2): the parameter as typed back in its shortest exact form. */
function label(quantity: CheckQuantity, x: number): string {
  return `${quantity === "sigmoid" ? "σ" : "σ′"}(${showShortest(x)})`;
}

function readX(typed: string, lang: Lang): number {
  const read = readAnswer(typed);
  if (read.ok) return read.value;
  const text = quoteInput(typed);
  throw new UsageError(
    lang === "ja"
      ? `check: --x「${text}」を数として読めません: ${read.message.ja}`
      : `check: --x "${text}" is not a number: ${read.message.en}`,
  );
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "check");
  if (positionals.length > 0) throw new UsageError(`check: unexpected argument "${positionals[0]}"`);

  const langOption = stringOption(values, "lang");
  if (langOption !== undefined && !(LANGS as readonly string[]).includes(langOption)) {
    throw new UsageError(`check: --lang must be ja or en, got "${langOption}"`);
  }
  const lang: Lang = (langOption as Lang | undefined) ?? langFromEnv(io.env);

  const quantity = stringOption(values, "quantity");
  if (quantity === undefined) throw new UsageError("check: --quantity sigmoid|derivative is required");
  if (!isCheckQuantity(quantity)) throw new UsageError(`check: unknown quantity "${quantity}" (use sigmoid or derivative)`);

  const xText = stringOption(values, "x");
  const formula = values.formula === true;
  if (xText !== undefined && formula) throw new UsageError("check: give either --x X or --formula, not both");
  if (xText === undefined && !formula) throw new UsageError("check: give --x X (a number answer) or --formula (a formula answer)");

  const answer = stringOption(values, "answer");
  if (answer === undefined) throw new UsageError("check: --answer A is required");

  const digitsOption = integerOption(values, "digits", MIN_DIGITS, MAX_DIGITS);
  if (formula && digitsOption !== undefined) throw new UsageError("check: --digits applies to number answers, not to --formula");
  const digits = digitsOption ?? DEFAULT_DIGITS;

  let result: CheckResult;
  let expectedLine: { ja: string; en: string };
  if (formula) {
    result = checkFormula(quantity, answer);
    const name = quantity === "sigmoid" ? "σ(x)" : "σ′(x)";
    expectedLine = { ja: `正解の式: ${name} = ${result.expected}`, en: `Expected: ${name} = ${result.expected}` };
  } else {
    const x = readX(xText!, lang);
    const q = getQuantity(quantity);
    const params = { x };
    const expected = q.expected(params);
    const asked = label(quantity, x);
    result = checkNumeric({ expected, digits, mistakes: mistakesAt(q, params, digits) }, answer, undefined, {
      params,
      quantity,
      label: asked,
    });
    const shown = formatSignificant(expected, digits);
    expectedLine = {
      ja: `正解の値: ${asked} ≈ ${shown}（有効数字${digits}桁。正確には ${formatShortest(expected)}）`,
      en: `Expected: ${asked} ≈ ${shown} (${digits} significant figures; full value ${formatShortest(expected)})`,
    };
  }

  if (values.json === true) {
    const { verdict, expected, parsed, diagnosis, message } = result;
    writeLine(io.stdout, JSON.stringify({ verdict, expected, parsed, diagnosis, message: message[lang] }));
    return EXIT_CODES[verdict];
  }

  const ja = lang === "ja";
  const readAs = result.readAs ?? (ja ? "（読み取れませんでした）" : "(could not read it)");
  writeLine(io.stdout, `${ja ? "読み取り" : "Read as"}: ${readAs}`);
  const word = VERDICT_WORDS[result.verdict];
  writeLine(io.stdout, ja ? `判定: ${word.ja}（${result.verdict}）` : `Verdict: ${word.en}`);
  writeLine(io.stdout, expectedLine[lang]);
  if (result.diagnosis !== null) {
    const name = mistakeName(result.diagnosis)[lang];
    writeLine(io.stdout, ja ? `間違いの種類: ${result.diagnosis}（${name}）` : `Mistake: ${result.diagnosis} (${name})`);
  }
  writeLine(io.stdout, result.message[lang]);
  return EXIT_CODES[result.verdict];
};
