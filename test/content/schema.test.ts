// `sigmoid-trainer schema` prints the JSON Schema editors use to complete and check the YAML.
// A small validator for the keywords it uses checks that the schema accepts the good fixture
// and rejects the mistakes the loader rejects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { run } from "../../src/cli/commands/schema";
import type { CliIO } from "../../src/cli/io";
import { contentJsonSchema, FILE_KINDS } from "../../src/content/schema";
import { QUANTITY_IDS } from "../../src/core/quantities";

const ROOT = join(import.meta.dirname, "../..");

type Schema = Record<string, unknown>;

/** Errors of `value` against `schema` (draft 2020-12, only the keywords the schema uses). */
function validate(root: Schema, schema: Schema, value: unknown, path = "$"): string[] {
  const errors: string[] = [];
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    errors.push(...validate(root, (root.$defs as Record<string, Schema>)[name]!, value, path));
  }
  const type = schema.type as string | undefined;
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (type === "object" && !isObject) return [...errors, `${path}: not an object`];
  if (type === "array" && !Array.isArray(value)) return [...errors, `${path}: not an array`];
  if (type === "string" && typeof value !== "string") return [...errors, `${path}: not a string`];
  if (type === "number" && typeof value !== "number") return [...errors, `${path}: not a number`];
  if (type === "integer" && !Number.isInteger(value)) return [...errors, `${path}: not an integer`];
  if ("const" in schema && value !== schema.const) errors.push(`${path}: not ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not in enum`);
  if (typeof schema.pattern === "string" && typeof value === "string" && !new RegExp(schema.pattern, "u").test(value)) {
    errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${path}: too few items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) errors.push(`${path}: too many items`);
    if (schema.items) {
      value.forEach((item, i) => {
        errors.push(...validate(root, schema.items as Schema, item, `${path}[${i}]`));
      });
    }
  }
  if (isObject) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${path}: missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(root, properties[key], item, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown key ${key}`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        errors.push(...validate(root, schema.additionalProperties as Schema, item, `${path}.${key}`));
      }
    }
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter((branch) => validate(root, branch, value, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`);
  }
  return errors;
}

function fixture(file: string): unknown {
  return parse(readFileSync(join(ROOT, "test/fixtures/content", file), "utf8"));
}

describe("the JSON Schema", () => {
  const schema = contentJsonSchema();
  const check = (value: unknown) => validate(schema, schema, value);
  /** Errors against the branch of one kind, which say more than "matches 0 of oneOf". */
  const checkAs = (kind: string, value: unknown) => validate(schema, (schema.oneOf as Schema[])[FILE_KINDS.indexOf(kind as never)]!, value);

  it("is draft 2020-12 with one branch per file kind", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const kinds = (schema.oneOf as Schema[]).map((branch) => ((branch.properties as Record<string, Schema>).kind as Schema).const);
    expect(kinds).toEqual([...FILE_KINDS]);
  });

  it("names every quantity, so editors can complete it", () => {
    expect(((schema.$defs as Record<string, Schema>).ExercisePart!.properties as Record<string, Schema>).quantity!.enum).toEqual([
      ...QUANTITY_IDS,
    ]);
  });

  it("accepts every file of the good fixture and of the pack", () => {
    for (const file of [
      "good/course.yaml",
      "good/lessons/definition.yaml",
      "good/lessons/derivative.yaml",
      "good/exercises.yaml",
      "pack/skills.yaml",
      "pack/chapter.yaml",
      "pack/relu.yaml",
      "pack/exercises.yaml",
      "readme-example/lessons/definition.yaml",
    ]) {
      expect(check(fixture(file)), file).toEqual([]);
    }
  });

  it("rejects unknown keys, missing languages, empty text, and mixed exercise forms", () => {
    expect(check(fixture("broken/lessons/definition.yaml"))).not.toEqual([]);
    const lesson = fixture("good/lessons/derivative.yaml") as { steps: Record<string, unknown>[] };
    expect(check({ ...lesson, titel: "x" })).toEqual(["$: matches 0 of oneOf"]);
    expect(checkAs("lesson", { ...lesson, titel: "x" })).toEqual(["$: unknown key titel"]);
    expect(checkAs("lesson", { ...lesson, title: { ja: "題" } })).toEqual(["$.title: missing en"]);
    expect(checkAs("lesson", { ...lesson, title: { ja: " ", en: "T" } })).toEqual(["$.title.ja: does not match \\S"]);
    const exercises = fixture("good/exercises.yaml") as { exercises: Record<string, unknown>[] };
    const both = { ...exercises.exercises[0], parts: [{ quantity: "sigmoid", prompt: { ja: "問", en: "Q" } }] };
    expect(checkAs("exercises", { kind: "exercises", exercises: [both] })).toEqual(["$.exercises[0]: matches 2 of oneOf"]);
    expect(check({ kind: "lessn" })).toContain("$: matches 0 of oneOf");
  });
});

describe("sigmoid-trainer schema", () => {
  it("prints the schema as JSON and exits 0", async () => {
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const io: CliIO = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, cwd: ROOT };
    expect(await run([], io)).toBe(0);
    expect(JSON.parse(out)).toEqual(contentJsonSchema());
  });
});
