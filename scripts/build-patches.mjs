// Start-up fixes applied to dependencies while bundling (measured with `npm run bench`; each
// saves its cost before the trainer's first frame). Every patch is an exact text replacement:
// when a dependency update changes the text, the build warns and leaves that file as it is, so
// an upgrade can only lose the speed-up, never break the program. test/e2e/bundle-patches.test.ts
// checks that each still applies and that the patched code computes what the original does.

/** Cheap test that a grapheme cluster might be an emoji: every RGI emoji sequence has a non-ASCII
 *  Emoji code point (flags, modifiers, tags and ZWJ sequences too) or U+FE0F / U+20E3 (keycaps). */
const MAY_BE_EMOJI = `const __mayBeEmoji = (segment) => /[\\uFE0F\\u20E3]/.test(segment) || /\\p{Emoji}/u.test(segment.replace(/[\\0-\\x7F]/g, ""));`;

/**
 * Text whose every UTF-16 unit is a grapheme cluster of its own (except CR LF): Latin, Greek,
 * Cyrillic (no combining marks), punctuation, superscripts, letterlike symbols, arrows, maths,
 * box drawing, blocks, shapes, braille, CJK punctuation (no 302A-302F), kana (no voicing marks
 * 3099-309A), CJK ideographs, full-width forms and half-width katakana (no FF9E-FF9F).
 */
export const SIMPLE_TEXT_PATTERN =
  "^[\\0-\\u02ff\\u0370-\\u0482\\u2010-\\u2027\\u2030-\\u205e\\u2070-\\u20cf\\u2100-\\u2bff\\u2e80-\\u2fdf\\u3000-\\u3029\\u3030-\\u3098\\u309b-\\u30ff\\u4e00-\\u9fff\\uff01-\\uff9d]*$";
const SIMPLE_TEXT = `const __simpleText = new RegExp(${JSON.stringify(SIMPLE_TEXT_PATTERN)});`;

export const DEPENDENCY_PATCHES = [
  {
    name: "ink: no top-level await for development mode",
    // Ink awaits the devtools and its package.json at the top of reconciler.js when DEV=true. A
    // top-level await keeps the screens from being one classic script (which the V8 code cache
    // needs). React DevTools are not bundled anyway: DEV=true now gets Ink's own warning that
    // they are not installed, and the package name and version it reports only to DevTools.
    file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/,
    replacements: [
      [
        "await import('./devtools.js');",
        "throw Object.assign(new Error('react-devtools-core is not bundled'), { code: 'ERR_MODULE_NOT_FOUND' });",
      ],
      ["? await loadPackageJson()", "? { name: undefined, version: undefined }"],
    ],
  },
  {
    name: "yoga-layout: load the WebAssembly synchronously, without a top-level await",
    // Emscripten's loader instantiates the module in a promise, which index.js awaits at its top
    // level. The bytes are inlined, so it can be done at once (new WebAssembly.Instance, as
    // emscripten's instantiateWasm hook would: see the patch of the loader below), and index.js
    // then wraps the module object the loader filled in.
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
    replacements: [
      [
        "const Yoga = wrapAssembly(await loadYoga());",
        "const __yogaModule = { instantiateWasmSync: true };\nloadYoga(__yogaModule);\nconst Yoga = wrapAssembly(__yogaModule);",
      ],
    ],
  },
  {
    name: "yoga-layout: instantiate the inlined WebAssembly without fetch(), synchronously when asked",
    // The wasm is a base64 data: URL; fetching it makes Node load its whole fetch implementation
    // (undici, about 25 ms). Emscripten's own fallback decodes the same bytes synchronously.
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    replacements: [
      ['function ya(){return w||"function"!=typeof fetch?', "function ya(){return w||!0?"],
      // index.js (patched above) asks for the instance at once: the inlined bytes decoded (wa()),
      // compiled and instantiated synchronously, handed to the loader's own receiver (a).
      [
        "if(h.instantiateWasm)try{return h.instantiateWasm(d,",
        "if(h.instantiateWasmSync)return a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d)),{};if(h.instantiateWasm)try{return h.instantiateWasm(d,",
      ],
    ],
  },
  {
    name: "string-width 8: build and compile the RGI emoji regex only for text that may hold an emoji",
    // /^\p{RGI_Emoji}$/v takes about 20 ms to compile on first use, which any non-ASCII text
    // (σ, ░, Japanese) would trigger; it can only match a cluster that passes __mayBeEmoji.
    // Building it costs another 30-40 ms at load: esbuild turns the literal into
    // new RegExp(…, "v") for Node 20, which parses the whole emoji set at once. So it is built
    // on first use. (Not the older copy under wrap-ansi, patched below.)
    file: /^(?:(?!wrap-ansi).)*[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    replacements: [
      [
        "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;",
        `let __rgiEmojiRegex;\nconst rgiEmojiRegex = { test: (segment) => (__rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment) };\n${MAY_BE_EMOJI}`,
      ],
      ["if (rgiEmojiRegex.test(segment) ||", "if ((__mayBeEmoji(segment) && rgiEmojiRegex.test(segment)) ||"],
    ],
  },
  {
    name: "is-fullwidth-code-point: no range search below U+1100",
    // Ink measures every character of every frame; the lookup walks about a hundred ranges, and
    // no code point below U+1100 is wide or fullwidth (checked for every code point in the tests).
    file: /[\\/]node_modules[\\/]is-fullwidth-code-point[\\/]index\.js$/,
    replacements: [
      [
        "return isFullWidth(codePoint) || isWide(codePoint);",
        "return codePoint >= 0x11_00 && (isFullWidth(codePoint) || isWide(codePoint));",
      ],
    ],
  },
  {
    name: "ansi-tokenize: split plain text into characters without Intl.Segmenter",
    // Ink tokenizes every line of every frame into grapheme clusters with Intl.Segmenter, which
    // is slow to iterate. In text made only of SIMPLE_TEXT's characters (none of them extends,
    // joins or is joined to a neighbour in a cluster; checked against Intl.Segmenter in the
    // tests), every UTF-16 unit is a cluster of its own, save CR LF.
    file: /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
    replacements: [
      [
        'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
        `const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });\n${SIMPLE_TEXT}\nconst __graphemes = (str) => (__simpleText.test(str) && !str.includes("\\r\\n") ? Array.from(str, (segment, index) => ({ segment, index })) : segmenter.segment(str));`,
      ],
      ["for (const { segment, index } of segmenter.segment(str)) {", "for (const { segment, index } of __graphemes(str)) {"],
    ],
  },
  {
    name: "string-width 7 (wrap-ansi): run emoji-regex only for text that may hold an emoji",
    // emoji-regex is one very large pattern (about 10 ms to compile), tried on every cluster.
    file: /[\\/]node_modules[\\/]wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    replacements: [
      ["const segmenter = new Intl.Segmenter();", `const segmenter = new Intl.Segmenter();\n${MAY_BE_EMOJI}`],
      ["if (emojiRegex().test(character)) {", "if (__mayBeEmoji(character) && emojiRegex().test(character)) {"],
    ],
  },
];

/** Applies the patches to `text` (the contents of `path`); `missing` lists replacements not found. */
export function applyPatches(path, text, patches = DEPENDENCY_PATCHES) {
  let out = text;
  const applied = [];
  const missing = [];
  for (const patch of patches) {
    if (!patch.file.test(path)) continue;
    let whole = true;
    let next = out;
    for (const [from, to] of patch.replacements) {
      if (next.split(from).length !== 2) {
        whole = false;
        break;
      }
      next = next.replace(from, () => to);
    }
    if (whole) {
      out = next;
      applied.push(patch.name);
    } else missing.push(patch.name);
  }
  return { text: out, applied, missing };
}

/**
 * esbuild plugin: patches dependencies as they are loaded; warns about a patch that no longer
 * fits, and (with requireAll) about one whose file was not bundled at all.
 */
export function dependencyPatches(patches = DEPENDENCY_PATCHES, { requireAll = true } = {}) {
  return {
    name: "dependency-patches",
    setup(build) {
      const applied = new Set();
      // esbuild's filter is a Go regex (no lookbehind or lookahead): a broad one, refined by applyPatches.
      const filter =
        /[\\/]node_modules[\\/](?:ink|yoga-layout|string-width|wrap-ansi|is-fullwidth-code-point|@alcalzone[\\/]ansi-tokenize)[\\/]/;
      build.onLoad({ filter }, async (args) => {
        const { readFile } = await import("node:fs/promises");
        const { text, applied: done, missing } = applyPatches(args.path, await readFile(args.path, "utf8"), patches);
        for (const name of done) applied.add(name);
        return {
          contents: text,
          loader: "js",
          warnings: missing.map((name) => ({ text: `patch no longer applies, left unpatched: ${name}` })),
        };
      });
      build.onEnd(() => {
        if (!requireAll) return;
        for (const patch of patches) {
          if (!applied.has(patch.name)) console.warn(`dependency patch not applied (file not bundled or changed): ${patch.name}`);
        }
      });
    },
  };
}
