// Commands without a screen never load Ink or React (start-up time; docs/architecture.md): each runs
// from the bundle with a module-loader hook that records every module the process loads, and
// none of what it loaded may carry Ink or React. The markers are first shown to find Ink and
// React in the chunks the full-screen trainer imports, so a passing run means something.
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import {
  carriesInk,
  carriesReact,
  classify,
  DIST,
  distCode,
  type LoadedRun,
  loadLogger,
  packagesBundledFor,
  reachableChunks,
  runLogged,
  UI_PACKAGES,
} from "./bundle-support";

let hook: string;
let dataDir: string;
let resultFile: string;

beforeAll(async () => {
  hook = loadLogger();
  // A learner with some history, so that stats, export and report have real work to do.
  dataDir = mkdtempSync(join(tmpdir(), "st-bundle-data-"));
  const answers = `${"0.5\n".repeat(40)}`;
  const practice = await runCli(["practice", "--plain", "--seed", "4", "--count", "5", "--data-dir", dataDir], { input: answers });
  expect(practice.code, practice.stderr).toBe(0);
  resultFile = join(dataDir, "result-ann.json");
  const quiz = await runCli(["quiz", "--plain", "--seed", "3", "--name", "Ann", "--data-dir", dataDir, "--out", resultFile], {
    input: answers,
  });
  expect(quiz.code, quiz.stderr).toBe(0);
});

/** What of the screens a run loaded: Ink, React or yoga in a module, or the screens script itself. */
function uiIn(run: LoadedRun): string[] {
  const { distFiles, packages } = classify(run.urls);
  const found = packages.filter((p) => UI_PACKAGES.includes(p)).map((p) => `node_modules/${p}`);
  for (const file of distFiles) {
    const code = distCode(file);
    if (carriesInk(code)) found.push(`${file} (Ink)`);
    if (carriesReact(code)) found.push(`${file} (React)`);
  }
  // screens.js is run as a script, not imported, so the hook cannot see it; loading it always
  // reports what its code cache did (checked to work in code-cache-cli.test.ts).
  if (run.cacheLog.trim() !== "") found.push(`dist/screens.js (code cache: ${run.cacheLog.trim()})`);
  return found;
}

/** The live-session server's packages (docs/live-sessions.md): only `serve` may load them. */
const SERVER_PACKAGES = ["fastify", "@fastify/rate-limit", "@electric-sql/pglite", "pg", "pg-protocol", "pg-pool", "fflate"];

function carriesServer(code: string): boolean {
  return SERVER_PACKAGES.some((p) => code.includes(`// node_modules/${p}/`));
}

/** What of the server a run loaded. */
function serverIn(run: LoadedRun): string[] {
  const { distFiles, packages } = classify(run.urls);
  return [...packages.filter((p) => SERVER_PACKAGES.includes(p)), ...distFiles.filter((f) => carriesServer(distCode(f)))];
}

/** zod's chunk, in what a run loaded. */
function zodIn(run: LoadedRun): string[] {
  return classify(run.urls).distFiles.filter((f) => carriesZod(distCode(f)));
}

describe("the markers", () => {
  it("find Ink and React in the screens script the full-screen trainer runs", () => {
    const screens = distCode("screens.js");
    expect(carriesInk(screens), "Ink in screens.js").toBe(true);
    expect(carriesReact(screens), "React in screens.js").toBe(true);
    // …and in none of the modules the commands import: the screens are only in that script.
    const chunks = reachableChunks();
    expect(chunks).toContain("cli.js");
    expect(chunks.filter((f) => carriesInk(distCode(f)) || carriesReact(distCode(f)))).toEqual([]);
  });
});

/** zod's constructor names survive minifying; esbuild's path comment marks an unminified copy. */
function carriesZod(code: string): boolean {
  return /["']\$ZodType["']/.test(code) || /\/\/ node_modules\/zod\//.test(code);
}

describe("the server's packages", () => {
  it("are bundled for serve (so the marker finds them) and in none of the single-command bundles", () => {
    const serve = packagesBundledFor("serve");
    expect(serve).toBeDefined();
    for (const p of ["fastify", "@fastify/rate-limit", "fflate"]) expect(serve!.has(p), p).toBe(true);
    // PGlite and pg are imported by serve only once it knows which database it opens.
    expect(reachableChunks().some((f) => distCode(f).includes("// node_modules/@electric-sql/pglite/"))).toBe(true);
    expect(reachableChunks().some((f) => distCode(f).includes("// node_modules/pg/"))).toBe(true);
    for (const bundle of ["calc", "check", "stats", "export", "trainer"]) {
      expect(carriesServer(distCode(`commands/${bundle}.js`)), bundle).toBe(false);
    }
    for (const command of ["quiz", "report", "practice"]) {
      const packages = packagesBundledFor(command);
      expect(packages, command).toBeDefined();
      expect(
        [...packages!].filter((p) => SERVER_PACKAGES.includes(p)),
        command,
      ).toEqual([]);
    }
  });

  it("are not loaded by a plain quiz", async () => {
    const dir = mkdtempSync(join(tmpdir(), "st-bundle-quiz-"));
    const run = await runLogged(
      hook,
      ["quiz", "--plain", "--json", "--seed", "3", "--count", "2", "--name", "Ben", "--data-dir", dir],
      "0.5\n0.5\n0.5\n0.5\n",
    );
    expect(run.code, run.stderr).toBe(0);
    expect(classify(run.urls).distFiles).toContain("cli.js");
    expect(serverIn(run)).toEqual([]);
  });
});

describe("schema prints the JSON Schema written at build time", () => {
  it("and loads no zod (which `validate` does load, so the marker finds it)", async () => {
    const validate = await runLogged(hook, ["validate"]);
    expect(
      classify(validate.urls).distFiles.some((f) => carriesZod(distCode(f))),
      "zod in what validate loads",
    ).toBe(true);
    const run = await runLogged(hook, ["schema"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/"\$schema"/);
    expect(classify(run.urls).distFiles.filter((f) => carriesZod(distCode(f)))).toEqual([]);
  });
});

describe("the trainer starts without zod", () => {
  it("neither its bundle nor the screens script carries it (the marker finds it where validate loads it, above)", () => {
    expect(carriesZod(distCode("commands/trainer.js"))).toBe(false);
    expect(carriesZod(distCode("screens.js"))).toBe(false);
    expect(carriesZod(distCode("content-load.mjs")) || reachableChunks().some((f) => carriesZod(distCode(f)))).toBe(true);
  });
});

describe("commands without a screen load neither Ink, React nor yoga (nor zod, except to check files)", () => {
  // noZod: commands that check no file against a schema (validate checks content, report checks
  // result files: they need zod).
  const cases: { name: string; args: () => string[]; input?: string; code?: number; out: RegExp; noZod?: boolean }[] = [
    { name: "--version", args: () => ["--version"], out: /^\d+\.\d+\.\d+/, noZod: true },
    { name: "--help", args: () => ["--help"], out: /calc/, noZod: true },
    { name: "calc", args: () => ["calc", "1", "-2"], out: /0\.731058/, noZod: true },
    { name: "calc from stdin", args: () => ["calc"], input: "0\n", out: /0\.5/, noZod: true },
    { name: "check", args: () => ["check", "--quantity", "derivative", "--x", "2", "--answer", "0.105"], out: /./, noZod: true },
    {
      name: "check (wrong answer)",
      args: () => ["check", "--quantity", "sigmoid", "--x", "2", "--answer", "0.105", "--json"],
      code: 1,
      out: /"verdict"/,
      noZod: true,
    },
    { name: "validate", args: () => ["validate"], out: /0 problems/ },
    { name: "schema", args: () => ["schema"], out: /"\$schema"/, noZod: true },
    { name: "stats", args: () => ["stats", "--data-dir", dataDir], out: /\d/, noZod: true },
    { name: "stats --json", args: () => ["stats", "--json", "--data-dir", dataDir], out: /"attempts"/, noZod: true },
    { name: "export", args: () => ["export", "--format", "csv", "--data-dir", dataDir], out: /templateId/, noZod: true },
    { name: "report", args: () => ["report", resultFile], out: /Ann/ },
    {
      name: "reset --yes",
      args: () => ["reset", "--yes", "--data-dir", mkdtempSync(join(tmpdir(), "st-bundle-reset-"))],
      out: /./,
      noZod: true,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const run = await runLogged(hook, c.args(), c.input);
      expect(run.code, run.stderr).toBe(c.code ?? 0);
      expect(run.stdout).toMatch(c.out);
      // The hook saw the bundle load (else an empty list would pass), the command's own bundle too.
      const loaded = classify(run.urls).distFiles;
      expect(loaded).toContain("cli.js");
      const name = c.args()[0]!;
      if (existsSync(join(DIST, "commands", `${name}.js`))) expect(loaded).toContain(`commands/${name}.js`);
      expect(uiIn(run)).toEqual([]);
      expect(serverIn(run)).toEqual([]);
      if (c.noZod) expect(zodIn(run)).toEqual([]);
    });
  }

  it("plain-mode practice through a pipe does not either", async () => {
    const dir = mkdtempSync(join(tmpdir(), "st-bundle-plain-"));
    const run = await runLogged(hook, ["practice", "--plain", "--seed", "2", "--count", "2", "--data-dir", dir], "0.5\n0.5\n0.5\n0.5\n");
    expect(run.code, run.stderr).toBe(0);
    expect(uiIn(run)).toEqual([]);
    expect(serverIn(run)).toEqual([]);
  });
});

/** The server's own code, by esbuild's path comments in the unminified build. */
function carriesServerCode(code: string): boolean {
  return /^\/\/ src\/server\//m.test(code);
}

describe("a learner's quiz --join never loads the server, its database or their libraries", () => {
  it("the marker finds the server in the build (so a passing run means something)", () => {
    expect(reachableChunks().some((f) => carriesServerCode(distCode(f)))).toBe(true);
  });

  it("quiz --join --json, against a session server, loads no server chunk, Ink or React", async () => {
    // A stand-in server on a free port that knows no session: the client loads all of its code,
    // asks, and stops with exit 1.
    const server = createServer((_request, response) => {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "not-found", message: "no such session" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const dir = mkdtempSync(join(tmpdir(), "st-bundle-join-"));
      const run = await runLogged(hook, [
        "quiz",
        "--join",
        `http://127.0.0.1:${port}/j/ABCD2345`,
        "--name",
        "Ann",
        "--json",
        "--data-dir",
        dir,
      ]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/There is no session ABCD2345/);
      const loaded = classify(run.urls);
      expect(loaded.distFiles.filter((f) => carriesServerCode(distCode(f)))).toEqual([]);
      expect(serverIn(run)).toEqual([]);
      expect(uiIn(run)).toEqual([]);
    } finally {
      server.close();
    }
  });

  it("nor does the full-screen trainer's script, which carries the joined quiz", () => {
    const screens = distCode("screens.js");
    expect(screens).toMatch(/Joined session|セッションに参加しています/);
    expect(/fastify|PGlite|pglite\.wasm/.test(screens)).toBe(false);
  });
});
