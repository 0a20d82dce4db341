/**
 * Deal journeys, as new users try them in a browser: a studio drafts and proposes a deal, the
 * partner signs, the studio signs, downloads the contract and checks the avails heat-map; a second
 * exclusive deal for the same rights shows its conflict and its signature is refused; a partner
 * outside a deal gets 404 for it and sees only the status of blocked avails, never the blocker.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Page } from "@playwright/test";
import {
  addGrantInUi,
  createListedTitle,
  draftDealInUi,
  type GrantInput,
  proposeDealViaApi,
  proposeInUi,
  signInUi,
  signViaApi,
} from "./support/deals";
import { expect, test } from "./support/fixtures";
import { otherBrowser, pageHeading } from "./support/journeys";

const SVOD = "Subscription VOD (SVOD)";
const WINDOW = { start: "2027-01-01", end: "2027-12-31" };

function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** The PDF's text through poppler's pdftotext when the machine has it (pdfkit compresses its streams). */
function pdfText(file: string): string | null {
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } catch {
    return null;
  }
}

function heatCell(page: Page, country: string, media: string) {
  return page.locator(`[data-testid=avails-heatmap] [data-country=${country}][data-media=${media}]`);
}

test("a studio drafts and proposes a deal, the partner signs, the studio signs, downloads the contract and sees the avails blocked", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow(); // two browsers, a whole deal lifecycle
  const studio = await signUp(page, { kind: "STUDIO" });
  const titleName = `Harbour Lights ${suffix()}`;
  await createListedTitle(page.request, titleName);
  const partnerBrowser = await otherBrowser(browser);
  const partner = await signUp(partnerBrowser.page, { kind: "PARTNER" });
  const dealName = `${titleName} · Thailand SVOD 2027`;

  // The studio drafts the deal, adds one exclusive grant and proposes it.
  const dealId = await draftDealInUi(page, {
    licenseeName: partner.organization.name,
    name: dealName,
    currency: "USD",
    minimumGuarantee: "100000.00",
  });
  await expect(pageHeading(page)).toHaveText(dealName);
  await addGrantInUi(page, { title: titleName, countries: ["Thailand"], media: [SVOD], ...WINDOW, exclusive: true });
  const grants = page.getByRole("region", { name: "Grants (1)" });
  await expect(grants).toContainText(titleName);
  await expect(grants).toContainText("Thailand");
  await expect(grants).toContainText("Exclusive");
  await expect(page.getByTestId("conflicts-panel")).toContainText("Ready to sign");
  await proposeInUi(page);
  await expect(page.getByTestId("deal-status-summary")).toContainText(partner.organization.name);
  await expect(page.getByTestId("signature-licensee")).toContainText("Not signed yet");

  // The partner finds it awaiting its signature and signs.
  const p = partnerBrowser.page;
  await p.goto("/deals");
  const row = p.getByRole("row").filter({ has: p.getByRole("link", { name: dealName }) });
  await expect(row.getByTestId("awaiting-you")).toBeVisible();
  await row.getByRole("link", { name: dealName }).click();
  await expect(p).toHaveURL(new RegExp(`/deals/${dealId}$`));
  await expect(p.getByTestId("deal-status-summary")).toHaveText("Proposed and awaiting your signature.");
  await signInUi(p);
  await expect(p.getByTestId("signature-licensee")).toContainText(`Signed by ${partner.name}`);
  await expect(p.getByTestId("deal-status-summary")).toContainText(studio.organization.name);

  // The studio signs second: the deal is in force.
  await page.reload();
  await expect(page.getByTestId("deal-status-summary")).toHaveText("Proposed and awaiting your signature.");
  await signInUi(page);
  await expect(page.getByTestId("deal-status-summary")).toContainText("Signed by both parties");
  await expect(page.getByTestId("signature-licensor")).toContainText(`Signed by ${studio.name}`);
  await expect(page.getByTestId("signature-licensee")).toContainText(`Signed by ${partner.name}`);
  await expect(page.getByRole("button", { name: "Sign", exact: true })).toHaveCount(0);

  // The contract downloads as a PDF and names the parties, the title and the territory.
  const link = page.getByRole("link", { name: "Download contract (PDF) · English" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/i);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const fetched = await page.request.get((await link.getAttribute("href")) as string);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()["content-type"]).toContain("application/pdf");
  const text = pdfText(file);
  if (text !== null) {
    expect(text).toContain(studio.organization.name);
    expect(text).toContain(partner.organization.name);
    expect(text).toContain(titleName);
    expect(text).toContain("Thailand");
    expect(text).toMatch(/100,000\.00/);
  }

  // Avails for that title: TH × SVOD is blocked by the deal, VN × SVOD still available.
  await page.goto("/avails");
  await page.getByRole("combobox", { name: "Titles" }).click();
  await page.getByRole("option", { name: titleName, exact: true }).click();
  await page.getByRole("combobox", { name: "Territories" }).click();
  for (const country of ["Thailand", "Vietnam"]) {
    await page.getByRole("textbox", { name: "Search" }).fill(country);
    await page.getByRole("option", { name: new RegExp(`^${country}\\b`) }).click();
  }
  await page.keyboard.press("Escape");
  await expect(page.getByRole("combobox", { name: "Territories" })).toHaveAttribute("aria-expanded", "false");
  await page.getByRole("button", { name: "Media rights" }).click();
  await page.getByRole("checkbox", { name: SVOD, exact: true }).check();
  await page.keyboard.press("Escape");
  await page.getByLabel("From", { exact: true }).fill("2027-03-01");
  await page.getByLabel("To", { exact: true }).fill("2027-06-30");
  await page.getByRole("radio", { name: "Exclusive", exact: true }).check();
  await page.getByRole("button", { name: "Show avails" }).click();
  await expect(page).toHaveURL(/territories=/);
  await expect(page.getByRole("tab", { name: "Heat-map" })).toHaveAttribute("aria-selected", "true");
  await expect(heatCell(page, "TH", "SVOD")).toHaveAttribute("data-status", "BLOCKED");
  await expect(heatCell(page, "VN", "SVOD")).toHaveAttribute("data-status", "AVAILABLE");
  await heatCell(page, "TH", "SVOD").click();
  const detail = page.getByTestId("avails-cell-detail");
  await expect(detail).toContainText("Thailand");
  await expect(detail).toContainText("Blocked");
  await expect(detail.getByRole("link", { name: dealName })).toHaveAttribute("href", `/deals/${dealId}`);
  await partnerBrowser.context.close();
});

test("a second exclusive deal for the same rights shows the conflict and its last signature is refused", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow();
  await signUp(page, { kind: "STUDIO" });
  const titleName = `Monsoon Line ${suffix()}`;
  const titleId = await createListedTitle(page.request, titleName);
  const first = await otherBrowser(browser);
  const firstPartner = await signUp(first.page, { kind: "PARTNER" });
  const second = await otherBrowser(browser);
  const secondPartner = await signUp(second.page, { kind: "PARTNER", homeCountry: "VN" });

  // The first deal, signed through the API: TH × SVOD, all of 2027, exclusive.
  const grant: GrantInput = { titleId, territories: ["TH"], mediaRights: ["SVOD"], ...WINDOW, exclusive: true };
  const firstName = `${titleName} · first`;
  const firstId = await proposeDealViaApi(page.request, { name: firstName, licenseeId: firstPartner.organization.id, grant });
  expect(await signViaApi(first.page.request, firstId)).toBe("PROPOSED");
  expect(await signViaApi(page.request, firstId)).toBe("SIGNED");

  // The second, drafted in the UI, overlaps it (Thailand, SVOD, June 2027 to May 2028 overlaps the second half of 2027).
  const secondName = `${titleName} · second`;
  const secondId = await draftDealInUi(page, { licenseeName: secondPartner.organization.name, name: secondName });
  await addGrantInUi(page, {
    title: titleName,
    countries: ["Thailand"],
    media: [SVOD],
    start: "2027-06-01",
    end: "2028-05-31",
    exclusive: true,
  });
  const panel = page.getByTestId("conflicts-panel");
  await expect(panel).toContainText("1 problem stops signature");
  const conflict = panel.getByTestId("conflict-list").getByRole("listitem").first();
  await expect(conflict).toContainText(`Conflicts with ${firstName}`);
  await expect(conflict.getByRole("link", { name: firstName })).toHaveAttribute("href", `/deals/${firstId}`);
  await expect(conflict).toContainText(titleName);
  await expect(conflict).toContainText("Thailand");
  await expect(conflict).toContainText("SVOD");
  await proposeInUi(page);

  // The partner signs; the studio's signature, which would make the deal SIGNED, is refused.
  await second.page.goto(`/deals/${secondId}`);
  await signInUi(second.page);
  await expect(second.page.getByTestId("signature-licensee")).toContainText(`Signed by ${secondPartner.name}`);
  // The partner is not the licensor of the first deal: it may learn of a conflict, not which deal.
  await expect(second.page.getByTestId("conflicts-panel")).not.toContainText(firstName);

  await page.reload();
  await signInUi(page);
  const refusal = page.getByRole("dialog", { name: "Signature refused" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Signing would double-grant exclusive rights");
  await expect(refusal).toContainText(firstName);
  // The footer's "Close" (the dialog's corner X is named "Close" too).
  await refusal.getByRole("button", { name: "Close", exact: true }).first().click();
  await expect(refusal).toBeHidden();
  await expect(page.getByTestId("deal-status-summary")).toHaveText("Proposed and awaiting your signature.");
  await expect(page.getByTestId("signature-licensor")).toContainText("Not signed yet");
  const api = await page.request.get(`/api/v1/deals/${secondId}`);
  expect(((await api.json()) as { status: string }).status).toBe("PROPOSED");
  await first.context.close();
  await second.context.close();
});

test("a partner outside a deal gets 404 for it and sees blocked avails without the blocking deal", async ({ page, browser, signUp }) => {
  test.slow();
  await signUp(page, { kind: "STUDIO" });
  const titleName = `Paper Lanterns ${suffix()}`;
  const titleId = await createListedTitle(page.request, titleName);
  const licensee = await otherBrowser(browser);
  const party = await signUp(licensee.page, { kind: "PARTNER" });
  const dealName = `${titleName} · private deal`;
  const dealId = await proposeDealViaApi(page.request, {
    name: dealName,
    licenseeId: party.organization.id,
    grant: { titleId, territories: ["TH"], mediaRights: ["SVOD"], ...WINDOW, exclusive: true },
  });
  expect(await signViaApi(licensee.page.request, dealId)).toBe("PROPOSED");
  expect(await signViaApi(page.request, dealId)).toBe("SIGNED");

  const outsider = await otherBrowser(browser);
  await signUp(outsider.page, { kind: "PARTNER" });
  const o = outsider.page;

  // The deal page and the API answer as if the deal did not exist.
  const pageResponse = await o.goto(`/deals/${dealId}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(pageHeading(o)).toHaveText("Page not found");
  await expect(o.getByText(dealName)).toHaveCount(0);
  const apiResponse = await o.request.get(`/api/v1/deals/${dealId}`);
  expect(apiResponse.status()).toBe(404);
  expect(await apiResponse.text()).not.toContain(dealName);
  expect((await o.request.get(`/api/v1/deals/${dealId}/contract.pdf`)).status()).toBe(404);
  await o.goto("/deals");
  await expect(o.getByRole("link", { name: dealName })).toHaveCount(0);

  // Avails of the listed title: the status shows, the blocker does not.
  await o.goto(`/avails?scope=${titleId}&territories=TH,VN&mediaRights=SVOD&start=2027-03-01&end=2027-06-30&exclusive=true`);
  await expect(heatCell(o, "TH", "SVOD")).toHaveAttribute("data-status", "BLOCKED");
  await expect(heatCell(o, "VN", "SVOD")).toHaveAttribute("data-status", "AVAILABLE");
  await heatCell(o, "TH", "SVOD").click();
  const detail = o.getByTestId("avails-cell-detail");
  await expect(detail).toContainText("Blocked by a signed deal of the licensor.");
  await expect(detail.getByRole("link")).toHaveCount(0);
  await expect(detail).not.toContainText(dealName);
  const answer = await o.request.get(
    `/api/v1/avails?titleId=${titleId}&territories=TH&mediaRights=SVOD&start=2027-03-01&end=2027-06-30&exclusive=true`,
  );
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { items: { territory: string; status: string; blockers?: unknown[] }[] };
  expect(body.items).toHaveLength(1);
  expect(body.items[0]).toMatchObject({ territory: "TH", status: "BLOCKED" });
  expect(body.items[0]?.blockers ?? []).toHaveLength(0);
  expect(JSON.stringify(body)).not.toContain(dealId);
  await licensee.context.close();
  await outsider.context.close();
});
