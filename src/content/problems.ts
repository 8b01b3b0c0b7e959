// A problem found in content files, always with the place to fix it. Loading collects every
// problem instead of stopping at the first, so an author fixes a whole pack in one pass.

export interface Problem {
  /** The file as shown to the user: relative to the working directory, or as given. */
  file: string;
  /** 1-based line and column; 0 when the problem concerns the file or directory as a whole. */
  line: number;
  col: number;
  message: string;
  /** Order of the file in the load (directories in order, paths sorted): sorts before the name. */
  fileOrder: number;
}

export function formatProblem(problem: Problem): string {
  if (problem.line === 0) return `${problem.file}: ${problem.message}`;
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.fileOrder - b.fileOrder ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Drops exact repeats (the same message at the same place), keeping the first. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.line}\u0000${p.col}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
