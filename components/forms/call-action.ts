/** A server action that never answered: the network failed, or the server threw (its log has the request id). */
export type NoAnswer = { ok: false; reason: "NO_ANSWER"; message: string; fieldErrors?: undefined };

export const noAnswer: NoAnswer = { ok: false, reason: "NO_ANSWER", message: "The server did not answer." };

/**
 * Calls a server action and always answers a result: a refusal is the action's own answer, and a
 * throw becomes `NO_ANSWER`, which forms show as their generic "something went wrong". The error
 * is logged to the console rather than swallowed, so it can still be found.
 */
export async function callAction<R extends { ok: boolean }>(run: () => Promise<R>): Promise<R | NoAnswer> {
  try {
    return await run();
  } catch (error) {
    console.error("A server action failed without an answer", error);
    return noAnswer;
  }
}
