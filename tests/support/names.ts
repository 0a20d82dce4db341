import { randomBytes } from "node:crypto";
import { databaseNameOf } from "../../lib/db/migrate";

/** Every database the harness creates starts with this, and it only ever drops or truncates those. */
export const TEST_DATABASE_PREFIX = "rb_test_";

/** A fresh name for a throw-away database (`rb_test_<random>`, optionally with a suffix). */
export function testDatabaseName(suffix = ""): string {
  return `${TEST_DATABASE_PREFIX}${randomBytes(6).toString("hex")}${suffix ? `_${suffix}` : ""}`;
}

export function assertTestDatabase(url: string): void {
  const name = databaseNameOf(url);
  if (!name.startsWith(TEST_DATABASE_PREFIX)) {
    throw new Error(`Refusing to touch ${name}: test helpers only work on ${TEST_DATABASE_PREFIX}* databases.`);
  }
}
