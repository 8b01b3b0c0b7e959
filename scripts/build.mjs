// Bundles the CLI into dist/ with esbuild. Commands that need no screen load only their own
// chunk, so Ink and React are split out and imported lazily (see src/cli/main.ts).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  // Ink imports react-devtools-core only when DEV is set; it is not installed.
  alias: { "react-devtools-core": "./scripts/react-devtools-stub.mjs" },
  define: { "process.env.NODE_ENV": '"production"' },
  // Some CommonJS dependencies call require(); ESM output has none unless we make one.
  banner: {
    js: [
      "#!/usr/bin/env node",
      "import { createRequire as __createRequire } from 'node:module';",
      "const require = __createRequire(import.meta.url);",
    ].join("\n"),
  },
  legalComments: "none",
  logLevel: "warning",
});
