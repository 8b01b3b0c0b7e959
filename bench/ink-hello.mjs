// The yardstick for the trainer's first frame: a six-line Ink hello world, bundled the standard
// way for Node with the project's own esbuild settings (one ES module, NODE_ENV production,
// react-devtools-core stubbed, a createRequire banner) minus the project's start-up patches
// and code cache. What any Ink program of this stack costs before it draws anything.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

export const HELLO_TEXT = "Hello, world";

const SOURCE = `import React from "react";
import { render, Text } from "ink";
function Hello() {
  return React.createElement(Text, null, "${HELLO_TEXT}");
}
render(React.createElement(Hello));
`;

/** Bundles the hello world into `outdir`; returns the bundle's path. */
export async function buildInkHello(root, outdir) {
  const entry = join(outdir, "ink-hello.mjs");
  writeFileSync(entry, SOURCE);
  const outfile = join(outdir, "ink-hello.bundle.mjs");
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    nodePaths: [join(root, "node_modules")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    alias: { "react-devtools-core": "./scripts/react-devtools-stub.mjs" },
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    legalComments: "none",
    logLevel: "warning",
  });
  return outfile;
}
