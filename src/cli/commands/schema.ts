// `sigmoid-trainer schema`: the JSON Schema of the content files, generated from the same zod
// schema the loader uses, for editors (e.g. `# yaml-language-server: $schema=content.schema.json`).
// The build writes it to dist/content.schema.json (scripts/build.mjs), so the built program
// prints that file without loading zod (25–30 ms); from src/ (tests), where no file sits beside
// this module, it is generated as before.
import { readFileSync } from "node:fs";
import { parseCommandArgs, UsageError } from "../args";
import type { Command } from "../io";

/** Beside the bundle: this module runs as dist/chunks/schema-<hash>.js. */
const BUILT_SCHEMA = new URL("../content.schema.json", import.meta.url);

/** The text printed: what scripts/build.mjs writes, and what is generated when it is missing. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

async function contentSchemaText(): Promise<string> {
  try {
    return readFileSync(BUILT_SCHEMA, "utf8");
  } catch {
    const { contentJsonSchema } = await import("../../content/schema");
    return schemaText(contentJsonSchema());
  }
}

export const run: Command = async (argv, io) => {
  const { positionals } = parseCommandArgs(argv, {}, "schema");
  if (positionals.length > 0)
    throw new UsageError(`schema: unexpected argument "${positionals[0]}" (schema takes no arguments; redirect the output to save it)`);
  io.stdout.write(await contentSchemaText());
  return 0;
};
