export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust auth). */
  url: string;
  port: number;
  /** The temporary directory holding the data directory, the log and the unix socket. */
  dir: string;
  bin: string;
  /** Stops the server and deletes `dir`; synchronous, safe to call twice. */
  stop(): void;
}
export function findPostgresBin(env?: NodeJS.ProcessEnv): string | null;
export function startCluster(options?: { bin?: string | null; durable?: boolean; maxConnections?: number }): Promise<Cluster>;
