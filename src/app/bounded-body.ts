// Reading an HTTP answer from someone else's server (the learner's client, `report --server`):
// never more than `max` bytes are held, whatever the server declares or sends. Both callers
// say "too large" in their own words, so the error is theirs to make.

/** The body as UTF-8 text (without a leading byte-order mark); `tooLarge` is thrown (and the connection dropped) once it passes `max` bytes. */
export async function readBoundedBody(response: Response, max: number, tooLarge: (detail: string) => Error): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`${declared} bytes; at most ${max} are read`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${max} bytes`);
    }
    chunks.push(value);
  }
  // TextDecoder drops a leading byte-order mark: the CSV report starts with one, which the
  // command adds again when it prints, and JSON.parse would refuse it.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
