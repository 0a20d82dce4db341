/**
 * E-mail the app really sent: global-setup.ts runs an SMTP server (tests/support/smtp.ts), points
 * the app's SMTP_URL at it and appends every received message to the JSON-lines file named by
 * E2E_MAIL_FILE. Specs read that file to follow links, as a person follows them from a mailbox.
 */
import fs from "node:fs";
import { expect } from "@playwright/test";
import type { ReceivedMail } from "../../tests/support/smtp";

function received(): ReceivedMail[] {
  const file = process.env.E2E_MAIL_FILE;
  if (!file) throw new Error("E2E_MAIL_FILE is not set: run the specs through Playwright's global setup");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}

/** Waits (up to 15 s) for the newest message to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = received()
          .reverse()
          .find((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
        return Boolean(found);
      },
      { timeout: 15_000, message: `an e-mail to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found as ReceivedMail;
}

/** The path (with its token) of the first app link to `prefix` in a message, e.g. "/invite/". */
export function linkPath(mail: ReceivedMail, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix.replaceAll("/", "\\/")}[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${prefix} link in: ${mail.text}`);
  return match[1];
}
