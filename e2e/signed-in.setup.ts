/**
 * Signs each demo account in once, through the login form, and keeps its browser state; specs
 * then start signed in (`logIn` in support/fixtures.ts reuses the state) instead of filling the
 * form in every test. Runs as the `signed-in` project, before the journeys.
 */
import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { DEMO } from "./support/demo";
import { logInThroughForm, signedInStatePath } from "./support/fixtures";

for (const [role, account] of Object.entries(DEMO)) {
  setup(`sign in the demo ${role}`, async ({ page }) => {
    await logInThroughForm(page, account);
    const file = signedInStatePath(account.email);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.context().storageState({ path: file });
  });
}
