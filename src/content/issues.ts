// Turns the schema's findings (zod issues with a data path) into problems at file:line:col,
// worded for an author: what is wrong and what was expected.
import { englishCount } from "../core/i18n";
import type { z } from "zod";
import type { Problem } from "./problems";
import { localizedSchema } from "./schema";
import { type Path, problemAt, problemAtKey, type SourceFile } from "./source";
import { didYouMean, nearest } from "./suggest";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  format?: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  entries?: Record<string, string>;
  options?: AnySchema[];
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) {
      current = def.innerType;
    } else if (def.type === "pipe" && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

/** The schema that describes the value at `path` (null when the path leaves the schema). */
export function schemaAt(root: AnySchema, path: Path): AnySchema | null {
  let current: AnySchema | null = unwrap(root);
  for (const segment of path) {
    if (current === null) return null;
    const def = defOf(current);
    if (def.type === "object" && def.shape) current = def.shape[String(segment)] ?? null;
    else if (def.type === "array" && def.element) current = def.element;
    else if (def.type === "record" && def.valueType) current = def.valueType;
    else return null;
    if (current) current = unwrap(current);
  }
  return current;
}

function isLocalized(schema: AnySchema | null): boolean {
  return schema !== null && unwrap(schema) === unwrap(localizedSchema);
}

const LANGUAGE_NAME: Record<string, string> = { ja: "Japanese", en: "English" };

export function describeExpected(schema: AnySchema | null, fallback?: string): string {
  if (schema && isLocalized(schema)) return "{ja: ..., en: ...} with the text in both languages";
  const def = schema ? defOf(schema) : null;
  switch (def?.type ?? fallback) {
    case "object":
    case "record":
      return "a map (key: value)";
    case "array":
      return "a list";
    case "string":
      return "text";
    case "number":
      return def?.format?.includes("int") ? "a whole number" : "a number";
    case "int":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "enum":
      return `one of: ${Object.values(def?.entries ?? {}).join(", ")}`;
    default:
      return fallback ?? "a value";
  }
}

export function describeInput(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `text "${shown}"`;
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  if (Array.isArray(value)) return "a list";
  return "a map";
}

/** `"hints"`, `item 2 of "choices"`: how a message names the place. */
export function describePath(path: Path): string {
  const last = path.at(-1);
  if (last === undefined) return "the file";
  if (typeof last === "number") {
    const owner = path.at(-2);
    return owner === undefined ? `item ${last}` : `item ${last} of "${String(owner)}"`;
  }
  return `"${last}"`;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Problems for the issues zod found in `data` (the document at `base` inside `source`) when
 * checked against `schema`. `base` is the path of `data` inside the file.
 */
export function issueProblems(source: SourceFile, schema: AnySchema, issues: readonly Issue[], base: Path = []): Problem[] {
  const problems: Problem[] = [];
  // A key typed wrong is reported once, as unknown with its suggestion, not also as missing.
  const typoFor = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const objectSchema = schemaAt(schema, path);
    const known = objectSchema && defOf(objectSchema).shape ? Object.keys(defOf(objectSchema).shape!) : [];
    for (const key of issue.keys) {
      const match = nearest(key, known);
      if (match !== null) typoFor.add(JSON.stringify([...path, match]));
    }
  }
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const full = [...base, ...path];
    switch (issue.code) {
      case "unrecognized_keys": {
        const objectSchema = schemaAt(schema, path);
        const known = objectSchema && defOf(objectSchema).shape ? Object.keys(defOf(objectSchema).shape!) : [];
        for (const key of issue.keys) {
          const hint = didYouMean(key, known) || (known.length > 0 ? `; expected one of: ${known.join(", ")}` : "");
          problems.push(problemAtKey(source, full, key, `unknown key "${key}"${hint}`));
        }
        break;
      }
      case "invalid_type": {
        const parentSchema = schemaAt(schema, path.slice(0, -1));
        const key = path.at(-1);
        const input = valueAt(source.data, full);
        if (input === undefined && typeof key === "string") {
          if (typoFor.has(JSON.stringify(path))) break;
          if (isLocalized(parentSchema)) {
            problems.push(
              problemAt(source, full.slice(0, -1), `missing ${LANGUAGE_NAME[key] ?? key} text "${key}"; every text needs both ja and en`),
            );
          } else {
            const expected = describeExpected(schemaAt(schema, path), issue.expected);
            problems.push(problemAt(source, full.slice(0, -1), `missing key "${key}"; expected ${expected}`));
          }
        } else {
          const expected = issue.expected === "int" ? "a whole number" : describeExpected(schemaAt(schema, path), issue.expected);
          problems.push(problemAt(source, full, `${describePath(full)}: expected ${expected}, got ${describeInput(input)}`));
        }
        break;
      }
      case "invalid_format": {
        const parentSchema = schemaAt(schema, path.slice(0, -1));
        const key = path.at(-1);
        if (isLocalized(parentSchema) && typeof key === "string") {
          problems.push(problemAt(source, full, `empty ${LANGUAGE_NAME[key] ?? key} text "${key}"; write the text in both ja and en`));
        } else {
          problems.push(problemAt(source, full, `${describePath(full)}: ${issue.message}`));
        }
        break;
      }
      case "too_small":
      case "too_big": {
        const custom = !issue.message.startsWith("Too ");
        let message = issue.message;
        if (!custom) {
          const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
          const word = issue.code === "too_small" ? "at least" : "at most";
          message =
            issue.origin === "array"
              ? `expected ${word} ${englishCount(Number(bound), "item", "items")}`
              : `expected ${word} ${bound}, got ${describeInput(valueAt(source.data, full))}`;
        }
        problems.push(problemAt(source, full, `${describePath(full)}: ${message}`));
        break;
      }
      case "invalid_value": {
        const input = valueAt(source.data, full);
        const options = issue.values.map(String);
        const hint = typeof input === "string" ? didYouMean(input, options) : "";
        problems.push(
          problemAt(
            source,
            full,
            `${describePath(full)}: unknown value ${JSON.stringify(input)}${hint}; expected one of: ${options.join(", ")}`,
          ),
        );
        break;
      }
      case "custom": {
        const name = path.at(-1);
        const owner = path.at(-2);
        const what = owner === "params" && typeof name === "string" ? `parameter "${name}"` : describePath(full);
        problems.push(problemAt(source, full, `${what}: ${issue.message}`));
        break;
      }
      default:
        problems.push(problemAt(source, full, `${describePath(full)}: ${issue.message}`));
    }
  }
  return problems;
}
