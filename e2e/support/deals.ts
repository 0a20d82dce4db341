/**
 * Deal steps shared by the deal specs: titles and whole deals made through the API (for journeys
 * whose subject is something else, e.g. conflicts or tenancy), and the deal pages driven the way a
 * person uses them (click, type, confirm), with web-first waits only.
 */
import { type APIRequestContext, expect, type Page } from "@playwright/test";

export interface GrantInput {
  titleId: string;
  territories: string[];
  mediaRights: string[];
  start: string;
  end: string;
  exclusive: boolean;
  /** Seasons of a series (absent: every season). */
  seasons?: number[];
}

/** A LISTED film owned by the organisation whose session `api` carries; returns its id. */
export async function createListedTitle(api: APIRequestContext, originalTitle: string): Promise<string> {
  const response = await api.post("/api/v1/titles", {
    data: { kind: "FILM", originalTitle, originalLanguage: "zh", year: 2025, visibility: "LISTED" },
  });
  expect(response.status(), `create title: ${await response.text()}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** POST /api/v1/deals (licensing out to `licenseeId`) with one grant, then proposes it; returns the deal id. */
export async function proposeDealViaApi(
  licensor: APIRequestContext,
  deal: { name: string; licenseeId: string; grant: GrantInput },
): Promise<string> {
  const created = await licensor.post("/api/v1/deals", {
    data: { name: deal.name, licenseeId: deal.licenseeId, currency: "USD" },
  });
  expect(created.status(), `create deal: ${await created.text()}`).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const grant = await licensor.post(`/api/v1/deals/${id}/grants`, { data: deal.grant });
  expect(grant.status(), `add grant: ${await grant.text()}`).toBe(201);
  const proposed = await licensor.post(`/api/v1/deals/${id}/propose`);
  expect(proposed.status(), `propose: ${await proposed.text()}`).toBe(200);
  return id;
}

/** POST /api/v1/deals/{id}/sign with the session of `api`; expects success and returns the deal's status. */
export async function signViaApi(api: APIRequestContext, dealId: string): Promise<string> {
  const response = await api.post(`/api/v1/deals/${dealId}/sign`);
  expect(response.status(), `sign: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { status: string }).status;
}

/** Drafts a deal licensing out to `licenseeName` on /deals/new; lands on the new deal's page and returns its id. */
export async function draftDealInUi(
  page: Page,
  deal: { licenseeName: string; name: string; currency?: string; minimumGuarantee?: string },
): Promise<string> {
  await page.goto("/deals");
  await page.getByRole("link", { name: "New deal" }).first().click();
  await expect(page).toHaveURL(/\/deals\/new$/);
  await page.getByRole("radio", { name: /We license out/ }).check();
  await page.getByRole("combobox", { name: "Licensee" }).click();
  await page.getByRole("option", { name: new RegExp(`^${escapeRegExp(deal.licenseeName)}\\b`) }).click();
  await expect(page.getByRole("combobox", { name: "Licensee" })).toContainText(deal.licenseeName);
  await page.getByLabel("Deal name").fill(deal.name);
  const currency = deal.currency ?? "USD";
  await page.getByRole("combobox", { name: "Currency" }).click();
  await page.getByRole("option", { name: new RegExp(`^${currency}\\b`) }).click();
  await expect(page.getByRole("combobox", { name: "Currency" })).toContainText(currency);
  if (deal.minimumGuarantee) await page.getByLabel("Minimum guarantee (MG)").fill(deal.minimumGuarantee);
  await page.getByRole("button", { name: "Create draft deal" }).click();
  await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("deal-status-summary")).toContainText("Draft");
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/**
 * Adds a grant through the "Add grant" dialog of the open deal page: one title (by its label),
 * countries by name (e.g. "Thailand"), media leaves by name (e.g. "Subscription VOD (SVOD)").
 */
export async function addGrantInUi(
  page: Page,
  grant: { title: string; countries: string[]; media: string[]; start: string; end: string; exclusive: boolean },
): Promise<void> {
  await page.getByRole("button", { name: "Add grant" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a grant" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("combobox", { name: "Title" }).click();
  await page.getByRole("option", { name: new RegExp(escapeRegExp(grant.title)) }).click();
  await expect(dialog.getByRole("combobox", { name: "Title" })).toContainText(grant.title);

  await dialog.getByRole("combobox", { name: "Territories" }).click();
  for (const country of grant.countries) {
    await page.getByRole("textbox", { name: "Search" }).fill(country);
    await page.getByRole("option", { name: new RegExp(`^${escapeRegExp(country)}\\b`) }).click();
  }
  await page.keyboard.press("Escape");
  for (const country of grant.countries) await expect(dialog.getByRole("combobox", { name: "Territories" })).toContainText(country);

  await dialog.getByRole("button", { name: "Media rights" }).click();
  for (const media of grant.media) await page.getByRole("checkbox", { name: media, exact: true }).check();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();

  await dialog.getByLabel("Start date").fill(grant.start);
  await dialog.getByLabel("End date").fill(grant.end);
  await dialog.getByRole("checkbox", { name: /^Exclusive/ }).setChecked(grant.exclusive);
  await dialog.getByRole("button", { name: "Add grant" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: /^Grants \(\d+\)$/ })).not.toHaveText("Grants (0)");
}

/** Proposes the open draft deal ("Propose", then the confirmation) and waits for PROPOSED. */
export async function proposeInUi(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Propose", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Propose deal" }).click();
  await expect(page.getByTestId("deal-status-summary")).toContainText(/Proposed and awaiting/);
}

/** Clicks "Sign" and confirms with "Sign deal" on the open deal page (the outcome is the caller's to check). */
export async function signInUi(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign deal" }).click();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
