// The floor for the live-session bench: a Node HTTP server that does nothing but read each
// request's body and answer with a fixed JSON body of about a graded answer's size. Run in its
// own process, as `serve` is; prints its port on stdout when it listens.
import { createServer } from "node:http";

const body = JSON.stringify({
  events: [{ type: "feedback", verdict: "correct", message: "x".repeat(Number(process.argv[2] ?? 600)) }],
});
const server = createServer((request, response) => {
  request.on("data", () => {});
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGINT", () => server.close(() => process.exit(0)));
