// Options shared by the trainer's entry points (learn, practice, review, quiz, explore and no
// command). One table, so the full-screen trainer and plain mode accept exactly the same flags.
import type { TrainerOptions } from "../app/launch";
import { MAX_COUNT, MAX_SEED } from "../engine/limits";
import { integerOption, type OptionSpecs, type ParsedArgs, stringOption, stringsOption, UsageError } from "./args";

export const TRAINER_OPTIONS = {
  plain: { type: "boolean" },
  json: { type: "boolean" },
  seed: { type: "string" },
  count: { type: "string" },
  skill: { type: "string", multiple: true },
  lang: { type: "string" },
  content: { type: "string", multiple: true },
  "data-dir": { type: "string" },
  "no-color": { type: "boolean" },
  ascii: { type: "boolean" },
  "screen-reader": { type: "boolean" },
} as const satisfies OptionSpecs;

export type { TrainerOptions };

export function readTrainerOptions(values: ParsedArgs["values"], env: Readonly<Record<string, string | undefined>>): TrainerOptions {
  const lang = stringOption(values, "lang");
  if (lang !== undefined && lang !== "ja" && lang !== "en") {
    throw new UsageError(`--lang takes ja or en, got "${lang}"`);
  }
  return {
    plain: values.plain === true,
    json: values.json === true,
    seed: integerOption(values, "seed", 0, MAX_SEED),
    count: integerOption(values, "count", 1, MAX_COUNT),
    skills: stringsOption(values, "skill")
      .flatMap((s) => s.split(",").map((id) => id.trim()))
      .filter(Boolean),
    lang,
    contentDirs: stringsOption(values, "content"),
    dataDir: stringOption(values, "data-dir"),
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    color: values["no-color"] !== true && !env.NO_COLOR,
    ascii: values.ascii === true,
    // Ink's own switch for screen readers means the same to us: plain lines, read in order.
    screenReader: values["screen-reader"] === true || env.INK_SCREEN_READER === "true",
  };
}
