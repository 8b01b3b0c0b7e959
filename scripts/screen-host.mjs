// esbuild plugin for the screens script (dist/screens.js): imports of the modules that the CLI
// and the screens must share (their error classes are checked with instanceof across the two)
// are not bundled again but taken from the `host` argument the CLI passes in
// (SCREEN_HOST_MODULES in src/cli/screens.ts, which must list the same names).
import { resolve } from "node:path";

export const SCREEN_HOST_NAMES = ["cli/args", "cli/io", "quiz/nothing-to-ask", "quiz/writer", "quiz/settings-loader"];

export function screenHostModules(root) {
  const byPath = new Map(SCREEN_HOST_NAMES.map((name) => [resolve(root, "src", `${name}.ts`), name]));
  return {
    name: "screen-host-modules",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path).replace(/\.(?:js|ts)$/, "");
        const name = byPath.get(`${target}.ts`);
        return name === undefined ? undefined : { path: name, namespace: "screen-host" };
      });
      build.onLoad({ filter: /.*/, namespace: "screen-host" }, (args) => ({
        contents: `module.exports = __sigmoidTrainerHost[${JSON.stringify(args.path)}];`,
        loader: "js",
      }));
    },
  };
}
