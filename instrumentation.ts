/**
 * Runs once when the Next server starts. Until the job worker (lib/jobs) takes it over, the web
 * process delivers the e-mail outbox itself; WORKER=off leaves that to another process.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKER === "off") return;
  const { startOutboxLoop } = await import("./lib/mail/outbox");
  const stop = startOutboxLoop();
  process.once("SIGTERM", () => void stop());
}
