// Argument parsing on top of node:util parseArgs. Two things parseArgs does not do for us:
// negative numbers as values or positionals (`calc -3`, `--x -3`), and messages that say
// which command's usage to read.
import { parseArgs } from "node:util";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

const NEGATIVE_NUMBER = /^[-−][0-9.０-９．]/;

export function parseCommandArgs(argv: readonly string[], options: OptionSpecs, command: string): ParsedArgs {
  const args: string[] = [];
  // Negative numbers stand in as tokens that cannot look like flags, so order is kept.
  const shield = (arg: string) => `\u0000${arg}`;
  let afterDoubleDash = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (afterDoubleDash) {
      args.push(shield(arg));
      continue;
    }
    if (arg === "--") {
      afterDoubleDash = true;
      continue;
    }
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    const spec = name !== null && !name.includes("=") ? options[name] : undefined;
    const next = argv[i + 1];
    if (spec?.type === "string" && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
      continue;
    }
    if (NEGATIVE_NUMBER.test(arg)) {
      args.push(shield(arg));
      continue;
    }
    args.push(arg);
  }
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return {
      values: parsed.values as ParsedArgs["values"],
      positionals: parsed.positionals.map((p) => (p.startsWith("\u0000") ? p.slice(1) : p)),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // "" for the bare command, whose messages start with "sigmoid-trainer: " already.
    const where = command === "" ? "" : `${command}: `;
    throw new UsageError(`${where}${message.replace(/\. To specify.*$/s, ".")}`);
  }
}

export function stringOption(values: ParsedArgs["values"], name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value.at(-1) as string | undefined;
  return typeof value === "string" ? value : undefined;
}

export function stringsOption(values: ParsedArgs["values"], name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? [value] : [];
}

export function integerOption(values: ParsedArgs["values"], name: string, min: number, max: number): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const range = `between ${min} and ${max}`;
  // A negative whole number is a whole number, just out of range: say the range, not the type.
  if (!/^[-−]?\d+$/.test(raw.trim())) throw new UsageError(`--${name} takes a whole number ${range}, got "${raw}"`);
  const n = Number(raw.trim().replace("−", "-"));
  // Quote what was typed: 99999999999999999999 would print as 100000000000000000000.
  if (n < min || n > max) throw new UsageError(`--${name} must be ${range}, got ${raw.trim()}`);
  return n;
}
