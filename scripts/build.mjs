// Bundles the CLI into dist/ with esbuild. Commands that need no screen load only their own
// chunk, so Ink and React are split out and imported lazily (see src/cli/main.ts).
import { build as esbuild } from "esbuild";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dependencyPatches } from "./build-patches.mjs";
import { writeLicenceNotices } from "./licence-notices.mjs";
import { screenHostModules } from "./screen-host.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

// Every bundle's inputs, for the licence notices: the package ships no dependencies of its own
// (dist/ bundles them), so their licences travel in dist/THIRD-PARTY-LICENSES.txt instead.
const bundledInputs = {};
async function build(options) {
  const result = await esbuild({ ...options, metafile: true });
  Object.assign(bundledInputs, result.metafile.inputs);
  return result;
}
// Build beside dist/ and swap it in, so tests running the old bundle never see a half-written one.
const staging = `dist.building-${process.pid}`;

/**
 * A hash of everything that decides what the program does with its input (the sources, the
 * locked dependency versions, this build's patches): caches of derived data, such as a parsed
 * course, are keyed by it so that a new build never trusts what an old one computed.
 */
function buildId() {
  const hash = createHash("sha256");
  const add = (path) => {
    hash.update(`${path}\u0000`);
    hash.update(readFileSync(join(root, path)));
  };
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk("src");
  for (const file of ["package.json", "package-lock.json", "scripts/build.mjs", "scripts/build-patches.mjs"]) add(file);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Bundles a two-line entry calling contentJsonSchema() and schemaText() (the command's own
 * formatting), runs it, and writes the text beside cli.js as content.schema.json.
 */
async function writeContentSchema(outDir) {
  const entry = [
    'import { contentJsonSchema } from "./src/content/schema";',
    'import { schemaText } from "./src/cli/commands/schema";',
    "export const text = schemaText(contentJsonSchema());",
  ].join("\n");
  const generator = join(outDir, ".content-schema.mjs");
  // Run once at build time and deleted: not shipped, so not among the licence notices' inputs.
  await esbuild({
    absWorkingDir: root,
    stdin: { contents: entry, resolveDir: root, loader: "ts", sourcefile: "content-schema-entry.ts" },
    outfile: generator,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  try {
    const { text } = await import(pathToFileURL(generator).href);
    writeFileSync(join(outDir, "content.schema.json"), text);
  } finally {
    rmSync(generator, { force: true });
  }
}

/** The server's SQL migrations, imported as text (`./001_x.sql?raw`, as vite reads them in tests). */
const sqlAsText = {
  name: "sql-as-text",
  setup(build) {
    build.onResolve({ filter: /\.sql\?raw$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\?raw$/, "")),
      namespace: "sql-text",
    }));
    build.onLoad({ filter: /.*/, namespace: "sql-text" }, (args) => ({ contents: readFileSync(args.path, "utf8"), loader: "text" }));
  },
};

/**
 * Files the serve command reads at run time beside its code: PGlite's WebAssembly and data
 * files (found from the chunk's own URL, so they go into chunks/), and the dashboard's static
 * page (src/server/dashboard/, served from dist/dashboard/).
 */
function copyServerFiles(outDir) {
  const pglite = join(root, "node_modules/@electric-sql/pglite/dist");
  for (const file of ["pglite.wasm", "pglite.data", "initdb.wasm"]) copyFileSync(join(pglite, file), join(outDir, "chunks", file));
  const dashboard = join(root, "src/server/dashboard");
  mkdirSync(join(outDir, "dashboard"), { recursive: true });
  for (const entry of readdirSync(dashboard, { withFileTypes: true })) {
    if (entry.isFile()) copyFileSync(join(dashboard, entry.name), join(outDir, "dashboard", entry.name));
  }
}

const build_id = buildId();
/** The full-screen trainer's script, relative to the package root (see src/cli/screens.ts). */
const SCREENS = "dist/screens.js";

/** Commands that run from a CommonJS bundle of their own (see src/cli/bin.ts). */
const SINGLE_BUNDLES = ["calc", "check", "stats", "export"];
const define = {
  "process.env.NODE_ENV": '"production"',
  __SIGMOID_TRAINER_BUILD__: JSON.stringify(build_id),
  __SIGMOID_TRAINER_SCREENS__: JSON.stringify(SCREENS),
};

// Everything but the commands below: main.ts and its chunks, ES modules (.mjs, as dist/ is
// CommonJS by its package.json).
await build({
  absWorkingDir: root,
  // content-load: the course's cold load (YAML, zod), for the single bundles below to import.
  entryPoints: { main: "src/cli/main.ts", "content-load": "src/content/load.ts", "quiz-settings": "src/quiz/settings.ts" },
  outdir: staging,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  // Ink imports react-devtools-core only when DEV is set; it is not installed.
  alias: { "react-devtools-core": "./scripts/react-devtools-stub.mjs" },
  define,
  // Some CommonJS dependencies call require(); ESM output has none unless we make one.
  banner: {
    js: ["import { createRequire as __createRequire } from 'node:module';", "const require = __createRequire(import.meta.url);"].join("\n"),
  },
  // Start-up fixes inside dependencies (see build-patches.mjs). The screens' dependencies are
  // bundled into screens.js below, not here, so a patch's file may well be absent.
  plugins: [dependencyPatches(undefined, { requireAll: false }), sqlAsText],
  legalComments: "none",
  logLevel: "warning",
});
copyServerFiles(`${root}/${staging}`);

// CommonJS from here on: node loads a CommonJS file faster than an ES module (src/cli/bin.ts).
writeFileSync(`${root}/${staging}/package.json`, `${JSON.stringify({ type: "commonjs" })}\n`);
const commonJs = {
  absWorkingDir: root,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
};

// The bin entry, dist/cli.js.
await build({
  ...commonJs,
  entryPoints: ["src/cli/bin.ts"],
  outfile: `${staging}/cli.js`,
  define: { __SIGMOID_TRAINER_SINGLE_BUNDLES__: JSON.stringify(SINGLE_BUNDLES) },
  banner: { js: "#!/usr/bin/env node" },
});

/**
 * A course not in the cache is loaded by src/content/load.ts, with the YAML parser and zod (about
 * 1.2 MB): a single bundle imports the main build's copy (dist/content-load.mjs) when it needs
 * it, rather than carrying it and parsing it on every start.
 */
const coldCourseLoadFromMain = {
  name: "cold-course-load-from-main",
  setup(build) {
    build.onResolve({ filter: /^\.\/load$/ }, (args) =>
      args.kind === "dynamic-import" && args.importer.endsWith(join("src", "content", "cache.ts"))
        ? { path: "../content-load.mjs", external: true }
        : undefined,
    );
    // Likewise the quiz session-file parser (zod), for a quiz started from Home.
    build.onResolve({ filter: /^\.\/settings$/ }, (args) =>
      args.kind === "dynamic-import" && args.importer.endsWith(join("src", "quiz", "settings-loader.ts"))
        ? { path: "../quiz-settings.mjs", external: true }
        : undefined,
    );
  },
};

/** The trainer's entry: `sigmoid-trainer [options]` opens Home, `sigmoid-trainer learn …` its screen. */
const TRAINER_ENTRY = [
  'import { runLoaded, runProcess } from "./src/cli/run-command";',
  'import { runAt } from "./src/cli/commands/practice";',
  "runProcess((argv, io) => {",
  '  const home = argv[0] === undefined || argv[0].startsWith("-");',
  '  return home ? runLoaded(async () => ({ run: runAt("home") }), argv, io) : runLoaded(async () => ({ run: runAt(argv[0]) }), argv.slice(1), io);',
  "});",
].join("\n");

// One file per command without a screen, and one for the trainer's commands (whose screens are
// dist/screens.js): the command, main's error handling, and all they use.
for (const name of [...SINGLE_BUNDLES, "trainer"]) {
  const entry =
    name === "trainer"
      ? TRAINER_ENTRY
      : [
          'import { runLoaded, runProcess } from "./src/cli/run-command";',
          `import * as command from "./src/cli/commands/${name}";`,
          "runProcess((argv, io) => runLoaded(async () => command, argv.slice(1), io));",
        ].join("\n");
  await build({
    ...commonJs,
    stdin: { contents: entry, resolveDir: root, loader: "ts", sourcefile: `${name}-entry.ts` },
    outfile: `${staging}/commands/${name}.js`,
    // The sources find the package (its content/) from their own file's URL.
    define: { ...define, "import.meta.url": "__sigmoidTrainerModuleUrl" },
    plugins: [coldCourseLoadFromMain],
    banner: { js: 'var __sigmoidTrainerModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
}

// The full-screen trainer as one classic script, which src/cli/screens.ts compiles with a V8 code
// cache (Node 20 can cache the compiled code of a vm.Script, not of ES modules). CommonJS inside a
// function: `(function (exports, require, module, host) {…})`, where `host` carries the modules
// both sides must share (scripts/screen-host.mjs). Minified: less to parse on the first start and
// a smaller cache to read on the next ones.
await build({
  absWorkingDir: root,
  entryPoints: ["src/ui/run.tsx"],
  outfile: `${staging}/screens.js`,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  alias: { "react-devtools-core": "./scripts/react-devtools-stub.mjs" },
  define,
  banner: { js: "(function (exports, require, module, __sigmoidTrainerHost) {" },
  footer: { js: "})" },
  plugins: [screenHostModules(root), dependencyPatches()],
  legalComments: "none",
  logLevel: "warning",
});

// Everything the program needs is in the bundles, so the published package has no runtime
// dependencies; their licences travel with it in dist/THIRD-PARTY-LICENSES.txt.
writeLicenceNotices(root, { inputs: bundledInputs }, `${root}/${staging}/THIRD-PARTY-LICENSES.txt`);

// The JSON Schema of the content files, generated now from the zod schema so that
// `sigmoid-trainer schema` prints this file instead of loading zod (25–30 ms) at run time.
await writeContentSchema(`${root}/${staging}`);

// The bin entry runs through its shebang (`./dist/cli.js`, `npm link`), so it must be executable.
chmodSync(`${root}/${staging}/cli.js`, 0o755);

const retired = `${root}/dist.old-${process.pid}`;
try {
  renameSync(`${root}/dist`, retired);
} catch {
  // No previous build.
}
renameSync(`${root}/${staging}`, `${root}/dist`);
rmSync(retired, { recursive: true, force: true });
