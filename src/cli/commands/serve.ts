// `sigmoid-trainer serve`: a live session. The server generates the quiz from the seed, grades
// every learner's answer with the same engine as `quiz`, keeps everything in a database (PGlite
// in the data directory, or PostgreSQL), and shows the instructor a live dashboard. The
// contract with the learners' client and the dashboard is docs/live-sessions.md.
//
// Ctrl+C (SIGINT) ends the session and stops the server; SIGTERM stops this server and leaves
// the session open, so `serve --resume CODE` (or another server on the same PostgreSQL) goes on.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join, resolve } from "node:path";
import { version } from "../../../package.json";
import { langFromEnv } from "../../core/i18n";
import { fill } from "../../engine/texts";
import { resultText } from "../../quiz/result";
import { SETTINGS_FLAGS } from "../../quiz/settings";
import { createServer } from "../../server/app";
import { DatabaseOpenError, isPostgresUrl, openDatabase } from "../../server/database";
import { LiveSession } from "../../server/live-session";
import { resultFileNames } from "../../server/session-report";
import { SERVER_TEXT } from "../../server/texts";
import { isSessionCode } from "../../server/tokens";
import { type OptionSpecs, parseCommandArgs, stringOption, UsageError } from "../args";
import { readTrainerOptions, TRAINER_OPTIONS } from "../common-options";
import { requireCourse } from "../content-dirs";
import { resolveDataDir } from "../data-dir";
import { type Command, UserError, writeLine } from "../io";
import { QUIZ_DEFINING_OPTIONS, quizFromOptions, refuseSettingsWithConfig } from "../quiz-config";

const { plain: _plain, ascii: _ascii, "no-color": _noColor, "screen-reader": _reader, ...QUIZ_SETTINGS_OPTIONS } = TRAINER_OPTIONS;

export const SERVE_OPTIONS = {
  ...QUIZ_SETTINGS_OPTIONS,
  ...QUIZ_DEFINING_OPTIONS,
  host: { type: "string" },
  port: { type: "string" },
  feedback: { type: "string" },
  database: { type: "string" },
  resume: { type: "string" },
  export: { type: "string" },
} as const satisfies OptionSpecs;

/** The stop that ended the server: Ctrl+C ends the session too, SIGTERM leaves it to resume. */
type Stop = "SIGINT" | "SIGTERM";

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, SERVE_OPTIONS, "serve");
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument "${positionals[0]}"`);
  const options = readTrainerOptions(values, io.env);
  const configPath = stringOption(values, "config");
  const resumeCode = stringOption(values, "resume");
  refuseSettingsWithConfig("serve", values);
  const given = SETTINGS_FLAGS.find((flag) => values[flag] !== undefined);
  if (resumeCode !== undefined && (given || configPath !== undefined)) {
    throw new UsageError(`serve: --resume goes on with the session's own quiz; drop --${given ?? "config"}`);
  }
  if (resumeCode !== undefined && !isSessionCode(resumeCode.toUpperCase())) {
    throw new UsageError(`serve: --resume takes a session code of 8 characters (0-9, A-Z without I, L, O, U), got "${resumeCode}"`);
  }
  const host = stringOption(values, "host") ?? "127.0.0.1";
  const portText = stringOption(values, "port") ?? "0";
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) throw new UsageError(`serve: --port takes 0 to 65535, got "${portText}"`);
  const port = Number(portText);
  const feedback = stringOption(values, "feedback") ?? "now";
  if (feedback !== "now" && feedback !== "end") throw new UsageError(`serve: --feedback takes now or end, got "${feedback}"`);
  const exportFlag = stringOption(values, "export");
  if (exportFlag !== undefined && exportFlag.trim() === "") throw new UsageError("serve: --export needs a directory");
  const exportDir = exportFlag === undefined ? null : resolve(io.cwd, exportFlag);
  const lang = options.lang ?? langFromEnv(io.env);
  const json = options.json;

  const course = await requireCourse(options.contentDirs, io);
  const { settings } = quizFromOptions("serve", values, options, course, io);

  const target = databaseTarget(stringOption(values, "database"), io.env, options.dataDir, io.cwd);
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    if (!isPostgresUrl(target)) mkdirSync(target, { recursive: true });
    db = await openDatabase(target);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new UserError(`serve: ${error.message}`);
    throw new UserError(`serve: cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  }

  let closed = false;
  const closeDb = async () => {
    if (!closed) {
      closed = true;
      await db.close().catch(() => {});
    }
  };
  try {
    const session =
      resumeCode === undefined
        ? await LiveSession.create(db, course, version, { settings, lang, feedback, now: Date.now() })
        : await LiveSession.open(db, course, version, resumeCode.toUpperCase());
    if (session === null) throw new UserError(`serve: no session ${resumeCode} in this database (give the same --database as before)`);
    if (session.session.contentVersion !== course.version) {
      writeLine(
        io.stderr,
        `sigmoid-trainer: serve: the session was made with content version ${session.session.contentVersion}, this trainer has ${course.version}; grading uses this one`,
      );
    }
    // Listening for the stop before the ready line: a script may send it as soon as it reads that line.
    const stopped = new Promise<Stop>((done) => {
      process.once("SIGINT", () => done("SIGINT"));
      process.once("SIGTERM", () => done("SIGTERM"));
    });
    let base = "";
    const server = await createServer({ session, baseUrl: () => base });
    let address: string;
    try {
      address = await server.app.listen({ host, port });
    } catch (error) {
      await server.stop();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new UserError(`serve: port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UserError(`serve: cannot listen on ${host}: no such address here`);
      if (code === "EACCES") throw new UserError(`serve: not allowed to listen on port ${port}; use a port above 1023`);
      throw new UserError(`serve: cannot listen on ${host}:${port}: ${code ?? String(error)}`);
    }
    base = shownBase(host, Number(new URL(address).port));
    const join = `${base}/j/${session.code}`;
    const dashboard = `${base}/dashboard`;
    const token = session.session.instructorToken;
    if (json) {
      writeLine(
        io.stdout,
        JSON.stringify({
          type: "ready",
          session: session.code,
          url: base,
          join,
          dashboard,
          token,
          resumed: resumeCode !== undefined,
          database: isPostgresUrl(target) ? "postgres" : "pglite",
        }),
      );
    } else {
      const say = (text: { ja: string; en: string }, values: Record<string, string | number> = {}) =>
        writeLine(io.stdout, fill(text, values)[lang]);
      say(resumeCode === undefined ? SERVER_TEXT.ready : SERVER_TEXT.resumed, { code: session.code });
      say(SERVER_TEXT.join);
      writeLine(io.stdout, `  sigmoid-trainer quiz --join ${join} --name NAME`);
      say(SERVER_TEXT.dashboard, { url: dashboard });
      say(SERVER_TEXT.token, { token });
      say(SERVER_TEXT.stop);
    }

    const stop = await stopped;
    // Open requests finish; new ones are refused (503) while closing.
    await server.stop();
    await server.app.close();
    if (stop === "SIGINT") await session.end(Date.now());
    let exported: string | null = null;
    let count = 0;
    if (exportDir !== null) {
      const results = await session.results(Date.now());
      count = writeResults(exportDir, results);
      exported = exportDir;
    }
    await closeDb();
    if (json) writeLine(io.stdout, JSON.stringify({ type: "ended", session: session.code, exported, open: stop === "SIGTERM" }));
    else {
      if (exported !== null) writeLine(io.stdout, fill(SERVER_TEXT.exported, { dir: exported, n: count })[lang]);
      writeLine(io.stdout, fill(SERVER_TEXT.ended, { code: session.code })[lang]);
      if (stop === "SIGTERM")
        writeLine(io.stdout, fill(SERVER_TEXT.resumeHint, { command: `sigmoid-trainer serve --resume ${session.code}` })[lang]);
    }
    return 0;
  } finally {
    await closeDb();
  }
};

/** --database, else DATABASE_URL, else PGlite in `<data-dir>/server/pglite`. */
function databaseTarget(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string | undefined,
  cwd: string,
): string {
  if (flag !== undefined) {
    if (flag.trim() === "") throw new UsageError("serve: --database needs a directory or a postgres:// URL");
    return isPostgresUrl(flag) ? flag : resolve(cwd, flag);
  }
  if (env.DATABASE_URL) {
    if (!isPostgresUrl(env.DATABASE_URL)) throw new UserError("serve: DATABASE_URL must be a postgres:// URL");
    return env.DATABASE_URL;
  }
  return join(resolveDataDir(dataDir, env, cwd).dir, "server", "pglite");
}

/** The address to print: a wildcard host is shown as this machine's first network address. */
function shownBase(host: string, port: number): string {
  let shown = host;
  if (host === "0.0.0.0" || host === "::") {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === "IPv4");
    shown = addresses[0]?.address ?? "127.0.0.1";
  }
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

/** Writes each result as `quiz` names its files; a file written before is replaced whole (rename). */
function writeResults(dir: string, results: Parameters<typeof resultFileNames>[0]): number {
  try {
    mkdirSync(dir, { recursive: true });
    const names = resultFileNames(results);
    results.forEach((result, i) => {
      const path = join(dir, names[i]!);
      const temporary = `${path}.tmp-${process.pid}`;
      writeFileSync(temporary, resultText(result));
      renameSync(temporary, path);
    });
  } catch (error) {
    throw new UserError(`serve: cannot write the results to ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return results.length;
}
