// Session codes, tokens and their hashes. A session code names a session and is no secret;
// tokens are 256 random bits, and learner tokens are kept only as SHA-256 hashes.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** Crockford's base-32 alphabet: no I, L, O or U to misread. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 8;

export function newSessionCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function isSessionCode(text: string): boolean {
  return text.length === CODE_LENGTH && [...text].every((c) => CODE_ALPHABET.includes(c));
}

export function newToken(): string {
  // The instructor types the token on command lines (report --server URL --token T), where one
  // that begins with "-" is read as an option: such a token (1 in 64) is drawn again.
  for (;;) {
    const token = randomBytes(32).toString("base64url");
    if (!token.startsWith("-")) return token;
  }
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares two tokens in constant time (their hashes, so the lengths always match). */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(tokenHash(given), "hex"), Buffer.from(tokenHash(expected), "hex"));
}
