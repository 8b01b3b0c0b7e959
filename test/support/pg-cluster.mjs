// A throwaway PostgreSQL cluster: initdb and pg_ctl in a fresh temporary directory, trust auth,
// a free port on 127.0.0.1 and the unix socket in the same directory, removed again by stop().
// Shared by the tests' global setup (test/support/postgres.ts) and `npm run bench`, which is
// why it is plain JavaScript. Nothing here reads the repository: the cluster runs as another
// user when we are root, and the repository may sit in a directory only root can enter.
import { execFile, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const TOOLS = ["initdb", "pg_ctl", "postgres"];

/**
 * Where initdb, pg_ctl and postgres are: $PG_BIN, else the PATH, else Debian's
 * /usr/lib/postgresql/<version>/bin (the newest version). Null when they are not installed.
 */
export function findPostgresBin(env = process.env) {
  const hasAll = (dir) => TOOLS.every((tool) => existsSync(join(dir, tool)));
  if (env.PG_BIN) return hasAll(env.PG_BIN) ? env.PG_BIN : null;
  for (const dir of (env.PATH ?? "").split(delimiter)) if (dir && hasAll(dir)) return dir;
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(debian, version, "bin");
    if (hasAll(dir)) return dir;
  }
  return null;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to `nobody`. */
function unprivilegedUser() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const id = (flag) => Number(spawnSync("id", [flag, "nobody"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  return { uid: Number.isInteger(uid) && uid > 0 ? uid : 65534, gid: Number.isInteger(gid) && gid > 0 ? gid : 65534 };
}

/** argv that runs `tool` as `user` (setpriv drops root without PAM or a login shell). */
function command(bin, user, tool, args) {
  const path = join(bin, tool);
  if (!user) return [path, args];
  return ["setpriv", [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--", path, ...args]];
}

/** A minimal environment: none of the caller's PG* variables leak into the cluster. */
function clusterEnv(dir) {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, LANG: "C", LC_ALL: "C" };
}

function run(bin, user, dir, tool, args) {
  const [file, argv] = command(bin, user, tool, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd: dir, env: clusterEnv(dir), timeout: 120_000 }, (error, stdout, stderr) => {
      if (error)
        reject(
          new Error(
            `${tool} failed: ${String(stderr || stdout || error.message)
              .trim()
              .slice(-2000)}`,
          ),
        );
      else resolve(stdout);
    });
  });
}

/** A port that was free a moment ago on 127.0.0.1 (start() retries when it is taken meanwhile). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and resolves to `{url, port, dir, bin, stop}`; `url` reaches the `postgres`
 * database as the `postgres` superuser over TCP. `durable: false` (the tests) turns off fsync
 * and synchronous commit; the bench keeps PostgreSQL's defaults. stop() is synchronous so that
 * it also works from an exit handler; it stops the server and deletes the directory.
 */
export async function startCluster({ bin = findPostgresBin(), durable = false, maxConnections = 300 } = {}) {
  if (!bin) throw new Error("PostgreSQL's initdb and pg_ctl were not found (install Debian's postgresql, or set PG_BIN)");
  const user = unprivilegedUser();
  const dir = mkdtempSync(join(tmpdir(), "st-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  let started = false;
  const stop = () => {
    if (started) {
      const [file, argv] = command(bin, user, "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"]);
      const result = spawnSync(file, argv, { cwd: dir, env: clusterEnv(dir), stdio: "ignore", timeout: 60_000 });
      if (result.status !== 0) killPostmaster(data);
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run(bin, user, dir, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    const settings = [
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      `-c max_connections=${maxConnections}`,
      ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    ];
    let lastError;
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      const port = await freePort();
      try {
        await run(bin, user, dir, "pg_ctl", [
          "start",
          "-D",
          data,
          "-w",
          "-t",
          "60",
          "-l",
          join(dir, "log"),
          "-o",
          [`-p ${port}`, ...settings].join(" "),
        ]);
        started = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, bin, stop };
      } catch (error) {
        lastError = error; // most likely the port was taken between freePort() and the start
      }
    }
    throw new Error(`${lastError?.message ?? "pg_ctl start failed"}\n${tail(join(dir, "log"))}`);
  } catch (error) {
    stop();
    throw error;
  }
}

function tail(file) {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

/** Last resort when pg_ctl could not stop it: SIGQUIT to the postmaster named in its pid file. */
function killPostmaster(data) {
  try {
    const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 1) process.kill(pid, "SIGQUIT");
  } catch {
    // already gone
  }
}
