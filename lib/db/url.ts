/**
 * The database this process talks to. `npm start` without DATABASE_URL starts an embedded
 * Postgres and sets DATABASE_URL for the Next server it spawns, so by the time app code runs the
 * variable is always present; the fallback is the conventional local server.
 */
export function resolveDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/rightsbridge";
}
