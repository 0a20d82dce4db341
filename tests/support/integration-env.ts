// Runs in each integration worker before the test file is imported, so modules that read
// DATABASE_URL at import time (lib/db/client.ts) connect to this run's database.
import { testDatabaseUrl } from "./context";

process.env.DATABASE_URL = testDatabaseUrl();
