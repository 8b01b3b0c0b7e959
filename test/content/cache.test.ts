// The course cache: an unchanged course comes back from the cache exactly as the loader builds
// it; any change to a file, a path or the build loads the content afresh; a damaged cache file
// is ignored; problems are never cached; with no directory nothing is written.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContentCached } from "../../src/content/cache";
import { loadContent } from "../../src/content/load";

const ROOT = join(import.meta.dirname, "../..");
const SHIPPED = join(ROOT, "content");
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const cacheFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".json"));

describe("the course cache", () => {
  it("gives back the course the loader builds, from one cache file", async () => {
    const dir = temp("st-cache-");
    const fresh = loadContent([SHIPPED], ROOT);
    const first = await loadContentCached([SHIPPED], ROOT, { dir, build: "b1" });
    expect(cacheFiles(dir)).toHaveLength(1);
    const second = await loadContentCached([SHIPPED], ROOT, { dir, build: "b1" });
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(cacheFiles(dir)).toHaveLength(1);
  });

  it("is really read on a hit (a planted course shows up)", async () => {
    const dir = temp("st-cache-");
    await loadContentCached([SHIPPED], ROOT, { dir, build: "b1" });
    const [file] = cacheFiles(dir);
    const data = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(dir, file!), "utf8")));
    data.course.id = "planted";
    writeFileSync(join(dir, file!), JSON.stringify(data));
    const hit = await loadContentCached([SHIPPED], ROOT, { dir, build: "b1" });
    expect(hit.ok && hit.course.id).toBe("planted");
  });

  it("loads afresh when a byte of the content, or the build, changes", async () => {
    const dir = temp("st-cache-");
    const content = temp("st-content-");
    cpSync(SHIPPED, content, { recursive: true });
    const before = await loadContentCached([content], ROOT, { dir, build: "b1" });
    const course = join(content, "course.yaml");
    const text = (await import("node:fs")).readFileSync(course, "utf8");
    writeFileSync(course, text.replace("en: The derivative of the sigmoid", "en: The derivative of σ"));
    const after = await loadContentCached([content], ROOT, { dir, build: "b1" });
    expect(before.ok && before.course.title.en).toBe("The derivative of the sigmoid");
    expect(after.ok && after.course.title.en).toBe("The derivative of σ");
    await loadContentCached([content], ROOT, { dir, build: "b2" });
    expect(cacheFiles(dir)).toHaveLength(3);
  });

  it("ignores a damaged cache file and replaces it", async () => {
    const dir = temp("st-cache-");
    await loadContentCached([SHIPPED], ROOT, { dir, build: "b1" });
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file!), '{"format":1,"key":');
    const result = await loadContentCached([SHIPPED], ROOT, { dir, build: "b1" });
    expect(result).toEqual(loadContent([SHIPPED], ROOT));
  });

  it("never caches a course with problems, and reports them as the loader does", async () => {
    const dir = temp("st-cache-");
    const broken = join(ROOT, "test/fixtures/content/broken");
    const result = await loadContentCached([broken], ROOT, { dir, build: "b1" });
    expect(result).toEqual(loadContent([broken], ROOT));
    expect(result.ok).toBe(false);
    expect(cacheFiles(dir)).toEqual([]);
  });

  it("writes nothing without a directory", async () => {
    const result = await loadContentCached([SHIPPED], ROOT, { dir: null, build: "b1" });
    expect(result).toEqual(loadContent([SHIPPED], ROOT));
  });
});
