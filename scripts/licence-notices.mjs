// The licence notices of every package the bundle contains, written beside it at build time.
// The published package declares no dependencies (dist/ bundles them), so npm never installs
// their LICENSE files; this file carries their texts instead, as MIT and ISC require.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where one bundled package's files are, from an esbuild input path ("node_modules/@scope/name/…"). */
export function packageDirOf(inputPath) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(inputPath.replaceAll("\\", "/"));
  return match ? match[1] : null;
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;
const COPYRIGHT_LINE = /Copyright \(c\)[^\n*]*/gi;

// The MIT licence's permission notice, for a package that names MIT but ships no licence file
// (yoga-layout): its copyright lines come from the bundled sources' headers.
const MIT_PERMISSION = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** The licence text for a package without a licence file: its sources' copyright lines and, for MIT, the permission notice. */
function reconstructedLicence(root, license, inputs) {
  const lines = new Set();
  for (const input of inputs) {
    for (const match of readFileSync(join(root, input), "utf8").slice(0, 2000).matchAll(COPYRIGHT_LINE)) lines.add(match[0].trim());
  }
  const head = `No licence file in the package; its package.json says ${license}.`;
  return [head, ...lines, ...(license === "MIT" ? ["", MIT_PERMISSION] : [])].join("\n");
}

/**
 * One entry per bundled package (name, version, licence id, licence texts), sorted by name. A
 * package whose directory has no licence file says so and gets its notice rebuilt from its sources.
 */
export function bundledPackages(root, metafile) {
  const inputsByDir = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir !== null) inputsByDir.set(dir, [...(inputsByDir.get(dir) ?? []), input]);
  }
  const packages = [];
  for (const [dir, inputs] of inputsByDir) {
    const manifestPath = join(root, dir, "package.json");
    if (!existsSync(manifestPath)) continue; // a folder inside a package that holds its own package.json stub
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const texts = readdirSync(join(root, dir))
      .filter((name) => LICENCE_FILE.test(name))
      .sort()
      .map((name) => readFileSync(join(root, dir, name), "utf8").trim());
    const license = manifest.license ?? "unknown";
    if (texts.length === 0) texts.push(reconstructedLicence(root, license, inputs));
    packages.push({ name: manifest.name, version: manifest.version, license, texts });
  }
  // One entry per name@version: nested copies of one version are the same code.
  const unique = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]));
  return [...unique.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function writeLicenceNotices(root, metafile, outFile) {
  const sections = bundledPackages(root, metafile).map((p) => {
    const head = `${p.name} ${p.version} (${p.license})`;
    return `${head}\n${"-".repeat(head.length)}\n${p.texts.join("\n\n")}\n`;
  });
  const intro = "sigmoid-trainer bundles the packages below into dist/. Their licence notices follow.\n";
  writeFileSync(outFile, `${intro}\n${sections.join("\n")}`);
}
