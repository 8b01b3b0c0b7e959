// The join address an instructor hands out, `http://host:port/j/CODE`, read strictly: anything
// else (another path, a query, credentials in the address, another scheme) is refused with what
// was wrong, so a typo never sends the learner's name somewhere unexpected. What the learner
// typed is quoted through visibleSnippet: it may hold control characters.
import { visibleSnippet } from "../core/visible-text";

export interface JoinUrl {
  /** `http://host:port`: where the API lives. */
  origin: string;
  /** The session code: 8 characters of Crockford's base 32. */
  code: string;
}

/** Crockford's base 32 without I, L, O and U, as the server makes session codes. */
const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

export function parseJoinUrl(text: string): { ok: true; url: JoinUrl } | { ok: false; problem: string } {
  const typed = text.trim();
  const example = "http://HOST:PORT/j/CODE";
  if (typed === "") return { ok: false, problem: `the join address is empty (it looks like ${example})` };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, problem: `"${visibleSnippet(typed, 200)}" is not an address (it looks like ${example})` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, problem: `the join address must start with http:// or https://, not ${url.protocol}//` };
  }
  if (url.username !== "" || url.password !== "") return { ok: false, problem: "the join address must not hold a user name or password" };
  if (url.search !== "" || url.hash !== "")
    return { ok: false, problem: `the join address must not have a query or a # part (it looks like ${example})` };
  const match = /^\/j\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return { ok: false, problem: `the join address's path must be /j/CODE, not ${visibleSnippet(url.pathname, 200)}` };
  let code: string;
  try {
    code = decodeURIComponent(match[1]!).toUpperCase();
  } catch {
    code = "";
  }
  if (!CODE.test(code)) {
    return {
      ok: false,
      problem: `"${visibleSnippet(match[1]!, 40)}" is not a session code (8 letters and digits, as the instructor's join address shows)`,
    };
  }
  return { ok: true, url: { origin: url.origin, code } };
}
