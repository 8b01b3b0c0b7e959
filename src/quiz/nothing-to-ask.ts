// Thrown when a quiz's settings select no question. The CLI and the screens are two bundles that
// both throw and recognise it (instanceof), so they share this one module (see src/cli/screens.ts).
export class NothingToAskError extends Error {
  override name = "NothingToAskError";
}
