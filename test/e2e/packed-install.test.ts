// What a user gets from `npm pack` and `npm install -g` of the tarball: one package and nothing
// else (dist/ bundles every dependency), the bundled packages' licence notices beside the bundle,
// and a working `sigmoid-trainer` command from the install prefix: --version, plain practice
// through pipes and the full-screen trainer in a real terminal, run from outside the checkout.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/cli";
import { Terminal } from "../support/tmux";

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; dependencies?: object };

// npm's own variables from `npm test` (prefix, global, cache…) would steer the nested npm.
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key) && key !== "CI") env[key] = value;
  }
  return { ...env, LANG: "C.UTF-8", NO_COLOR: "1", ...extra };
}

let work = "";
let prefix = "";
let bin = "";
let installOutput = "";
let packedFiles: string[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "st-packed-"));
  prefix = join(work, "prefix");
  const npmEnv = cleanEnv({ npm_config_cache: join(work, "npm-cache"), npm_config_update_notifier: "false" });
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
      cwd: ROOT,
      env: npmEnv,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed[0]!.files.map((f) => f.path);
  // --offline: the tarball must install with nothing fetched from a registry.
  installOutput = execFileSync(
    "npm",
    ["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", join(work, packed[0]!.filename)],
    { cwd: work, env: npmEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  bin = join(prefix, "bin", "sigmoid-trainer");
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package, installed globally from its tarball", () => {
  it("declares no runtime dependencies, so npm adds exactly one package", () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(installOutput).toMatch(/\badded 1 package\b/);
    const installed = join(prefix, "lib", "node_modules");
    expect(readdirSync(installed)).toEqual(["sigmoid-trainer"]);
    expect(existsSync(join(installed, "sigmoid-trainer", "node_modules"))).toBe(false);
  });

  it("ships the bundle, the course, the docs and the bundled packages' licence notices", () => {
    expect(packedFiles).toContain("dist/cli.js");
    expect(packedFiles).toContain("dist/THIRD-PARTY-LICENSES.txt");
    expect(packedFiles).toContain("content/course.yaml");
    // Messages point into docs/ (an unsupported formula command names docs/content-format.md).
    expect(packedFiles).toContain("docs/content-format.md");
    const notices = readFileSync(join(prefix, "lib", "node_modules", "sigmoid-trainer", "dist", "THIRD-PARTY-LICENSES.txt"), "utf8");
    const sections = new Map<string, string>();
    for (const section of notices.split(/\n(?=\S+ \S+ \([^)\n]+\)\n-+\n)/).slice(1)) {
      sections.set(section.split(" ")[0]!, section);
    }
    // The packages the source imports, and ones they pull into the bundle.
    for (const name of [
      "env-paths",
      "ink",
      "pure-rand",
      "react",
      "ts-fsrs",
      "yaml",
      "zod",
      "zustand",
      "yoga-layout",
      "scheduler",
      "fastify",
      "@electric-sql/pglite",
      "pg",
      "fflate",
    ]) {
      expect(sections.has(name), name).toBe(true);
    }
    for (const [name, section] of sections) {
      // Every notice carries a licence text: a copyright line or the licence's own wording.
      expect(section, name).toMatch(/Copyright|Permission|Licensed under|ISC License|Permission to use/i);
    }
  });

  it("runs --version and plain practice from the install prefix, outside the checkout", () => {
    const version = spawnSync(bin, ["--version"], { cwd: work, env: cleanEnv({}), encoding: "utf8" });
    expect(version.stderr).toBe("");
    expect(version.stdout.trim()).toBe(manifest.version);
    expect(version.status).toBe(0);

    const data = join(work, "data-plain");
    const practice = spawnSync(bin, ["practice", "--plain", "--count", "1", "--seed", "3", "--lang", "en", "--data-dir", data], {
      cwd: work,
      env: cleanEnv({}),
      input: "0.5\n",
      encoding: "utf8",
    });
    expect(practice.status).toBe(0);
    expect(practice.stdout).toContain("Question 1 of 1");
    expect(practice.stdout).toMatch(/Done: \d of 1 answers? correct/);
    expect(practice.stdout).toContain(`Your answers are saved in ${data}.`);
    expect(practice.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  it("runs serve from the install prefix (PGlite's files come with the bundle): the ready line, then SIGTERM ends it with exit 0", async () => {
    const data = join(work, "data-serve");
    const child = spawn(bin, ["serve", "--json", "--port", "0", "--seed", "5", "--data-dir", data], { cwd: work, env: cleanEnv({}) });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    const ready = await new Promise<{ type: string; url: string; session: string }>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("\n")) resolve(JSON.parse(stdout.slice(0, stdout.indexOf("\n"))));
      });
      exited.then(() => reject(new Error(`serve exited before it was ready: ${stderr}`)));
    });
    expect(ready.type).toBe("ready");
    const info = await (await fetch(`${ready.url}/j/${ready.session}`)).json();
    expect(info).toMatchObject({ type: "session", session: ready.session, state: "open" });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  }, 120_000);

  it("opens the full-screen trainer in a terminal, shows a question, and exits 0 on Ctrl+C", async () => {
    const data = join(work, "data-tui");
    mkdirSync(data);
    const terminal = Terminal.start([bin], {
      columns: 80,
      rows: 24,
      cwd: work,
      env: { LANG: "C.UTF-8", TERM: "xterm-256color", SIGMOID_TRAINER_HOME: data },
    });
    try {
      await terminal.waitFor("q quit");
      terminal.send("p");
      await terminal.waitFor(/Practice · Question 1 of \d+/);
      terminal.send("C-c");
      await terminal.waitFor("[exit 0]");
    } finally {
      terminal.close();
    }
  });
});
