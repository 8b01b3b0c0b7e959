// `export [--format json|csv] [--data-dir DIR]`: every attempt as a row, for an instructor.
import { attemptRow, ROW_COLUMNS } from "../../progress";
import { safeRow, toCsv } from "../../progress/csv";
import { terminalSafeJson } from "../../core/visible-text";
import { parseCommandArgs, stringOption, UsageError } from "../args";
import { openProgress } from "../data-dir";
import { type Command, writeLine } from "../io";

const OPTIONS = {
  format: { type: "string" },
  "data-dir": { type: "string" },
  lang: { type: "string" },
} as const;

/** Identifies the JSON export for the `report` command; `version` changes if the rows change. */
export const EXPORT_KIND = "sigmoid-trainer-attempts";
export const EXPORT_VERSION = 1;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "export");
  if (positionals.length > 0) throw new UsageError(`export: unexpected argument "${positionals[0]}"`);
  const format = stringOption(values, "format") ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(`export: --format takes json or csv, got "${format}"`);
  const { store } = openProgress(values, io, { mustRead: { command: "export", saves: false } });
  const rows = store.getState().attempts.map(attemptRow);
  if (format === "csv") {
    // Every text cell (answers, ids) is guarded: the journal may have been edited by hand.
    io.stdout.write(
      toCsv(
        ROW_COLUMNS,
        rows.map((row) => safeRow(ROW_COLUMNS.map((column) => row[column]))),
      ),
    );
  } else {
    const json = JSON.stringify({ kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), attempts: rows });
    writeLine(io.stdout, terminalSafeJson(json));
  }
  return 0;
};
