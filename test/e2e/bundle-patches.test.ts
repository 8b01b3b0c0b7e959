// The start-up patches scripts/build.mjs applies to dependencies (scripts/build-patches.mjs):
// each still applies to the installed version, and the patched code computes exactly what the
// original does: string widths for every kind of text (fast-check), and the same yoga layout.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { applyPatches, DEPENDENCY_PATCHES, dependencyPatches, SIMPLE_TEXT_PATTERN } from "../../scripts/build-patches.mjs";
import { ROOT } from "../support/cli";

const FILES: Record<string, string> = {
  ink: "node_modules/ink/build/reconciler.js",
  yogaIndex: "node_modules/yoga-layout/dist/src/index.js",
  yoga: "node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js",
  width8: "node_modules/string-width/index.js",
  width7: "node_modules/wrap-ansi/node_modules/string-width/index.js",
  fullwidth: "node_modules/is-fullwidth-code-point/index.js",
  tokenize: "node_modules/@alcalzone/ansi-tokenize/build/tokenize.js",
};

describe("every dependency patch applies to the installed version", () => {
  for (const patch of DEPENDENCY_PATCHES) {
    it(patch.name, () => {
      const file = Object.values(FILES).find((f) => patch.file.test(join(ROOT, f)));
      expect(file, "the file it patches").toBeDefined();
      const path = join(ROOT, file!);
      const { text, applied, missing } = applyPatches(path, readFileSync(path, "utf8"), [patch]);
      expect(missing).toEqual([]);
      expect(applied).toEqual([patch.name]);
      for (const [, to] of patch.replacements) expect(text).toContain(to);
    });
  }

  it("a patch whose text is gone is reported, and the file left as it was", () => {
    const path = join(ROOT, FILES.width8!);
    const changed = "// a newer version\nexport default function stringWidth() { return 0; }\n";
    const result = applyPatches(path, changed);
    expect(result.text).toBe(changed);
    expect(result.missing).toHaveLength(1);
  });
});

/** string-width 8 and 7, bundled from node_modules with and without the patches. */
let original: {
  w8: (s: string) => number;
  w7: (s: string) => number;
  yoga: () => number[];
  fullwidth: (codePoint: number) => boolean;
  tokenize: (s: string) => unknown[];
};
let patched: typeof original;

async function bundleWidths(withPatches: boolean): Promise<typeof original> {
  const outfile = join(mkdtempSync(join(tmpdir(), "st-patches-")), "widths.mjs");
  await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: `
        import w8 from "string-width";
        import w7 from "./node_modules/wrap-ansi/node_modules/string-width/index.js";
        import Yoga from "yoga-layout";
        import fullwidth from "is-fullwidth-code-point";
        import { tokenize } from "@alcalzone/ansi-tokenize";
        export { w8, w7, fullwidth, tokenize };
        export function yoga() {
          const root = Yoga.Node.create();
          root.setWidth(80);
          root.setFlexDirection(Yoga.FLEX_DIRECTION_ROW);
          const child = Yoga.Node.create();
          child.setFlexGrow(1);
          child.setHeight(3);
          root.insertChild(child, 0);
          root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
          return [child.getComputedWidth(), child.getComputedHeight()];
        }
      `,
      resolveDir: ROOT,
      loader: "js",
    },
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: withPatches ? [dependencyPatches(undefined, { requireAll: false })] : [],
    logLevel: "error",
  });
  return (await import(outfile)) as typeof original;
}

beforeAll(async () => {
  original = await bundleWidths(false);
  patched = await bundleWidths(true);
});

// Text a terminal trainer meets: ASCII, Japanese, σ and box drawing, combining marks, emoji of
// every structure (presentation, text + VS16, keycaps, flags, skin tones, ZWJ families, tags).
const PIECES = [
  "a",
  "1",
  "#",
  "*",
  " ",
  "σ",
  "′",
  "·",
  "░",
  "›",
  "✓",
  "✗",
  "✔",
  "×",
  "−",
  "ア",
  "あ",
  "漢",
  "ｱ",
  "０",
  "．",
  "é",
  "e\u0301",
  "\u200b",
  "\u200d",
  "\ufe0f",
  "\u20e3",
  "©",
  "®",
  "™",
  "↔",
  "⌚",
  "⭐",
  "☀",
  "〰",
  "㊗",
  "😀",
  "👍🏽",
  "🇯🇵",
  "1\ufe0f\u20e3",
  "#\u20e3",
  "👨‍👩‍👧",
  "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
  "❤\ufe0f",
  "☺",
  "\u{1F9D1}\u200D\u{1F4BB}",
  "한",
  "\u1100\u1161",
  "\x1b[31m",
  "\x1b[0m",
  "\t",
];

describe("patched code computes what the original does", () => {
  it("string-width 8 and 7: the same width for any mix of text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.string({ unit: "binary", maxLength: 8 }), (pieces, noise) => {
        const text = pieces.join("") + noise;
        expect(patched.w8(text)).toBe(original.w8(text));
        expect(patched.w7(text)).toBe(original.w7(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("is-fullwidth-code-point: the same answer for every code point", () => {
    const differ: number[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (patched.fullwidth(codePoint) !== original.fullwidth(codePoint)) differ.push(codePoint);
    }
    expect(differ).toEqual([]);
    expect(patched.fullwidth(0x3042)).toBe(true);
  });

  it("ansi-tokenize: the same tokens for any mix of text, escape codes and line ends", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES, "\r\n", "\r", "\n", "\x1b[1;31m", "\x1b]8;;https://x\x07"), { maxLength: 12 }),
        fc.string({ maxLength: 6 }),
        (pieces, noise) => {
          const text = pieces.join("") + noise;
          expect(patched.tokenize(text)).toEqual(original.tokenize(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("ansi-tokenize's plain-text characters are each a grapheme cluster of their own, beside anything in the set", () => {
    const simple = new RegExp(SIMPLE_TEXT_PATTERN);
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const members: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      if (simple.test(c)) members.push(c);
    }
    expect(members.length).toBeGreaterThan(20_000);
    const bad: string[] = [];
    const neighbours = ["a", " ", "\x1b", "σ", "░", "あ", "漢", "ア", "ｱ", "−", "⠿", "\t"];
    for (const c of members) {
      for (const n of neighbours) {
        if (c + n === "\r\n" || n + c === "\r\n") continue;
        if ([...segmenter.segment(n + c + n)].length !== 3) bad.push(c);
      }
      if (c !== "\r" && c !== "\n" && [...segmenter.segment(c + c)].length !== 2) bad.push(c);
    }
    expect([...new Set(bad)].map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it("yoga, instantiated synchronously without fetch(), lays out the same", () => {
    expect(patched.yoga()).toEqual(original.yoga());
    expect(patched.yoga()).toEqual([80, 3]);
  });
});

describe("the patches leave Ink and yoga without a top-level await", () => {
  const bundleAsScript = (withPatches: boolean) =>
    build({
      absWorkingDir: ROOT,
      stdin: { contents: 'export { render } from "ink";\nexport { default as Yoga } from "yoga-layout";', resolveDir: ROOT, loader: "js" },
      write: false,
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      alias: { "react-devtools-core": "./scripts/react-devtools-stub.mjs" },
      plugins: withPatches ? [dependencyPatches(undefined, { requireAll: false })] : [],
      logLevel: "silent",
    });

  it("so they bundle as one classic script, which the V8 code cache needs (and did not before)", async () => {
    await expect(bundleAsScript(false)).rejects.toThrow(/Top-level await/);
    const result = await bundleAsScript(true);
    expect(result.errors).toEqual([]);
    expect(result.outputFiles?.[0]?.text).toMatch(/instantiateWasmSync/);
  });
});
