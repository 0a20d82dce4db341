/**
 * The connection string of `npm start`'s embedded PostgreSQL (./.data/postgres/embedded.json keeps
 * its port and password), for commands run beside it without DATABASE_URL: `npm run worker`,
 * `npm run jobs:run`, `npm run db:backup`. Undefined when there is no embedded cluster here.
 */
import fs from "node:fs";
import path from "node:path";

export function embeddedDatabaseUrl(root: string = process.cwd()): string | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(root, ".data", "postgres", "embedded.json"), "utf8")) as {
      port?: number;
      password?: string;
    };
    if (!state.port || !state.password) return undefined;
    return `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/rightsbridge`;
  } catch {
    return undefined;
  }
}

/** DATABASE_URL, else the embedded server's (set into the environment before the app's modules load). */
export function preferEmbeddedDatabaseUnlessConfigured(): void {
  const url = process.env.DATABASE_URL ? undefined : embeddedDatabaseUrl();
  if (url) {
    process.env.DATABASE_URL = url;
    console.error("[rightsbridge] DATABASE_URL is not set: using the embedded PostgreSQL of `npm start` (.data/postgres)");
  }
}
