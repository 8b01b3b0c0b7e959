// `sigmoid-trainer schema`: the JSON Schema of the content files, generated from the same zod
// schema the loader uses, for editors (e.g. `# yaml-language-server: $schema=content.schema.json`).
import { contentJsonSchema } from "../../content/schema";
import { parseCommandArgs, UsageError } from "../args";
import { type Command, writeLine } from "../io";

export const run: Command = async (argv, io) => {
  const { positionals } = parseCommandArgs(argv, {}, "schema");
  if (positionals.length > 0) throw new UsageError(`schema: unexpected argument "${positionals[0]}" (schema takes no arguments; redirect the output to save it)`);
  writeLine(io.stdout, JSON.stringify(contentJsonSchema(), null, 2));
  return 0;
};
