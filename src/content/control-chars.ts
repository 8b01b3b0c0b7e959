// Content packs come from elsewhere too: a double-quoted YAML string can hold "\e[2J" or a
// right-to-left override, and plain mode would print it. The trainer shows such characters as
// visible escapes wherever it prints content; `validate` reports each one at file:line:col, so
// the pack's author removes it.
import { isScalar, visit } from "yaml";
import { firstUnsafeCharacter } from "../core/visible-text";
import type { Problem } from "./problems";
import type { RawFile } from "./read";
import { sourceOffsetInScalar } from "./scalar-offsets";
import { parseSource, problemAtOffset } from "./source";

/** One problem for each text (key or value) that holds a control or bidirectional character. */
export function controlCharacterProblems(files: readonly RawFile[]): Problem[] {
  const problems: Problem[] = [];
  const utf8 = new TextDecoder("utf-8");
  for (const file of files) {
    const text = utf8.decode(file.bytes);
    const { source } = parseSource(file.display, text, file.order);
    visit(source.doc, {
      Scalar(_key, node) {
        if (!isScalar(node) || typeof node.value !== "string") return;
        // Line feeds and tabs in block text are layout, not control codes.
        const found = firstUnsafeCharacter(node.value.replace(/[\n\t]/g, " "));
        if (!found) return;
        const offset = node.range ? sourceOffsetInScalar(text, node, found.index) : 0;
        problems.push(
          problemAtOffset(
            source,
            offset,
            `control character ${found.escaped} in text; a terminal would act on it instead of showing it (remove it, or write what it stands for)`,
          ),
        );
      },
    });
  }
  return problems;
}
