// Start-up fixes applied to dependencies while bundling (measured with `npm run bench`; each
// saves its cost before the trainer's first frame). Every patch is an exact text replacement:
// when a dependency update changes the text, the build warns and leaves that file as it is, so
// an upgrade can only lose the speed-up, never break the program. test/e2e/bundle-patches.test.ts
// checks that each still applies and that the patched code computes what the original does.

/** Cheap test that a grapheme cluster might be an emoji: every RGI emoji sequence has a non-ASCII
 *  Emoji code point (flags, modifiers, tags and ZWJ sequences too) or U+FE0F / U+20E3 (keycaps). */
const MAY_BE_EMOJI = `const __mayBeEmoji = (segment) => /[\\uFE0F\\u20E3]/.test(segment) || /\\p{Emoji}/u.test(segment.replace(/[\\0-\\x7F]/g, ""));`;

export const DEPENDENCY_PATCHES = [
  {
    name: "yoga-layout: instantiate the inlined WebAssembly without fetch()",
    // The wasm is a base64 data: URL; fetching it makes Node load its whole fetch implementation
    // (undici, about 25 ms). Emscripten's own fallback decodes the same bytes synchronously.
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    replacements: [['function ya(){return w||"function"!=typeof fetch?', "function ya(){return w||!0?"]],
  },
  {
    name: "string-width 8: compile the RGI emoji regex only for text that may hold an emoji",
    // /^\p{RGI_Emoji}$/v takes about 20 ms to compile on first use, which any non-ASCII text
    // (σ, ░, Japanese) would trigger; it can only match a cluster that passes __mayBeEmoji.
    // (Not the older copy under wrap-ansi, patched below.)
    file: /^(?:(?!wrap-ansi).)*[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    replacements: [
      ["const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;", `const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n${MAY_BE_EMOJI}`],
      ["if (rgiEmojiRegex.test(segment) ||", "if ((__mayBeEmoji(segment) && rgiEmojiRegex.test(segment)) ||"],
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

/** esbuild plugin: patches dependencies as they are loaded; warns about a patch that no longer fits. */
export function dependencyPatches(patches = DEPENDENCY_PATCHES) {
  return {
    name: "dependency-patches",
    setup(build) {
      const applied = new Set();
      // esbuild's filter is a Go regex (no lookbehind or lookahead): a broad one, refined by applyPatches.
      const filter = /[\\/]node_modules[\\/](?:yoga-layout|string-width|wrap-ansi)[\\/]/;
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
        for (const patch of patches) {
          if (!applied.has(patch.name)) console.warn(`dependency patch not applied (file not bundled or changed): ${patch.name}`);
        }
      });
    },
  };
}
