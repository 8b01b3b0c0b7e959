// Types for build-patches.mjs, which tests import.
import type { Plugin } from "esbuild";

export interface DependencyPatch {
  name: string;
  file: RegExp;
  replacements: readonly (readonly [from: string, to: string])[];
}

export const DEPENDENCY_PATCHES: readonly DependencyPatch[];

/** Characters each of which is a grapheme cluster of its own (a RegExp source). */
export const SIMPLE_TEXT_PATTERN: string;

export function applyPatches(
  path: string,
  text: string,
  patches?: readonly DependencyPatch[],
): { text: string; applied: string[]; missing: string[] };

export function dependencyPatches(patches?: readonly DependencyPatch[], options?: { requireAll?: boolean }): Plugin;
