import { sqlState } from "@/lib/db/tx";

/**
 * What the database said when it refused a write: its SQLSTATE and the message that names the
 * constraint or trigger. A test asserts both, so a refusal for another reason (a missing column,
 * a foreign key, a typo in the test's own SQL) cannot pass for the one the test is about.
 */
export async function refusal(write: PromiseLike<unknown>): Promise<{ sqlState: string | undefined; message: string }> {
  try {
    await write;
  } catch (error) {
    return { sqlState: sqlState(error), message: error instanceof Error ? error.message : String(error) };
  }
  throw new Error("The database accepted a write it should have refused.");
}
