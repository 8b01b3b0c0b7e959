// The built trainer's code cache in a real terminal (tmux): the first start writes it, the second
// uses it, a new build writes its own, and a damaged or unwritable cache still opens the trainer.
// SIGMOID_TRAINER_CODE_CACHE_LOG makes each start append what its cache did (one word).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, ROOT } from "../support/cli";
import { Terminal } from "../support/tmux";

const open: Terminal[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** Opens Home with this cache directory, quits with q, and returns what the cache did. */
async function startOnce(cacheDir: string, cli = CLI): Promise<string> {
  const log = join(mkdtempSync(join(tmpdir(), "st-cc-log-")), "log.txt");
  const data = mkdtempSync(join(tmpdir(), "st-cc-data-"));
  const t = Terminal.start(["node", cli, "--lang", "en", "--data-dir", data], {
    columns: 80,
    rows: 24,
    env: { LANG: "C.UTF-8", TERM: "xterm-256color", SIGMOID_TRAINER_CACHE: cacheDir, SIGMOID_TRAINER_CODE_CACHE_LOG: log },
  });
  open.push(t);
  await t.waitFor("q quit");
  t.send("q");
  await t.waitFor("[exit 0]");
  open.splice(open.indexOf(t), 1);
  t.close();
  return existsSync(log) ? readFileSync(log, "utf8").trim() : "";
}

function screensCaches(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith("screens-"));
}

describe("the screens' code cache, in the built trainer", () => {
  it("is written on the first start and used on the second", async () => {
    const dir = mkdtempSync(join(tmpdir(), "st-cc-"));
    expect(await startOnce(dir)).toBe("created");
    const [file] = screensCaches(dir);
    expect(file).toBeDefined();
    const written = readFileSync(join(dir, file!));
    expect(await startOnce(dir)).toBe("used");
    // Used, not written again.
    expect(readFileSync(join(dir, file!)).equals(written)).toBe(true);
  });

  it("is rebuilt after a new build, never read from the old one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "st-cc-"));
    expect(await startOnce(dir)).toBe("created");
    // Another build of the program: the same package with another build id compiled in.
    const other = mkdtempSync(join(tmpdir(), "st-cc-build-"));
    cpSync(join(ROOT, "package.json"), join(other, "package.json"));
    symlinkSync(join(ROOT, "content"), join(other, "content"));
    symlinkSync(join(ROOT, "node_modules"), join(other, "node_modules"));
    cpSync(join(ROOT, "dist"), join(other, "dist"), { recursive: true });
    const id = buildIdOf(join(other, "dist"));
    for (const file of distFiles(join(other, "dist"))) {
      const text = readFileSync(file, "utf8");
      if (text.includes(id)) writeFileSync(file, text.split(id).join("0123456789abcdef"));
    }
    expect(await startOnce(dir, join(other, "dist", "cli.js"))).toBe("created");
    expect(screensCaches(dir)).toHaveLength(2);
    expect(screensCaches(dir).some((name) => name.includes("0123456789abcdef"))).toBe(true);
    expect(await startOnce(dir, join(other, "dist", "cli.js"))).toBe("used");
  });

  it("damaged, only costs speed: the trainer opens and the cache is written anew", async () => {
    const dir = mkdtempSync(join(tmpdir(), "st-cc-"));
    await startOnce(dir);
    const [file] = screensCaches(dir);
    const bytes = readFileSync(join(dir, file!));
    writeFileSync(join(dir, file!), bytes.subarray(0, bytes.length - 100));
    expect(await startOnce(dir)).toBe("rebuilt");
    expect(await startOnce(dir)).toBe("used");
  });

  it("unwritable, only costs speed: the trainer opens every time", async () => {
    const parent = mkdtempSync(join(tmpdir(), "st-cc-"));
    writeFileSync(join(parent, "file"), "");
    expect(await startOnce(join(parent, "file", "cache"))).toBe("uncached");
    expect(await startOnce(join(parent, "file", "cache"))).toBe("uncached");
  });
});

/** The build id compiled into the bundle (16 hex digits, passed to the code cache as `build`). */
function buildIdOf(dist: string): string {
  for (const file of distFiles(dist)) {
    const match = /\bbuild: "([0-9a-f]{16})"/.exec(readFileSync(file, "utf8"));
    if (match?.[1]) return match[1];
  }
  throw new Error("no build id found in the bundle");
}

function distFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...distFiles(path));
    else if (entry.name.endsWith(".js")) out.push(path);
  }
  return out;
}
