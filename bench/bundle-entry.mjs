// Bundles a small benchmark entry (TypeScript source given as text, importing from src/) into a
// temporary .mjs, the same way scripts/build.mjs bundles the CLI: Node 20 cannot import the
// TypeScript sources directly, and timing the bundled code is timing what users run.
import { join } from "node:path";
import { build } from "esbuild";

export async function bundleEntry({ root, source, outdir, name }) {
  const outfile = join(outdir, `${name}.mjs`);
  await build({
    absWorkingDir: root,
    stdin: { contents: source, resolveDir: root, sourcefile: `bench-${name}.ts`, loader: "ts" },
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    define: { "process.env.NODE_ENV": '"production"' },
    // Some CommonJS dependencies (yaml) call require(); ESM output has none unless we make one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: "warning",
  });
  return outfile;
}
