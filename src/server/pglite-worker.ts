// The embedded database's own thread (the built `serve` starts it; pglite-thread.ts speaks to
// it). PGlite runs PostgreSQL compiled to WebAssembly in the thread that calls it, and every
// statement holds that thread until it is done: in the server's thread, storing a burst of
// answers held up the answers still to be graded and sent. Here it runs on the machine's other
// core. Each message is one operation; the replies come back in the order they were sent.
import { parentPort } from "node:worker_threads";
import { openPgliteHere } from "./database";
import type { PgliteReply, PgliteRequest } from "./pglite-thread";

const port = parentPort;
if (!port) throw new Error("pglite-worker.ts runs only as a worker thread");

let pg: Awaited<ReturnType<typeof openPgliteHere>> | null = null;

async function run(request: PgliteRequest): Promise<unknown> {
  switch (request.op) {
    case "open":
      pg = await openPgliteHere(request.dir);
      return null;
    case "query":
      return await pg!.query(request.sql, request.params);
    case "exec":
      await pg!.exec(request.sql);
      return null;
    case "close":
      await pg?.close();
      pg = null;
      return null;
  }
}

// One at a time, in order: PGlite is one connection, and a transaction's statements must not
// interleave with others (the other thread holds back everything else while one is open).
let queue: Promise<void> = Promise.resolve();
port.on("message", (request: PgliteRequest) => {
  queue = queue.then(async () => {
    let reply: PgliteReply;
    try {
      reply = { id: request.id, ok: true, value: await run(request) };
    } catch (error) {
      const e = error as { message?: unknown; code?: unknown };
      reply = {
        id: request.id,
        ok: false,
        message: typeof e?.message === "string" ? e.message : String(error),
        code: typeof e?.code === "string" ? e.code : null,
      };
    }
    port.postMessage(reply);
  });
});
