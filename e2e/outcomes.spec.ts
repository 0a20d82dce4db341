import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO } from "./support/demo";
import { e2eDatabaseUrl } from "./support/e2e-database";
import { expect, logIn, test } from "./support/fixtures";
import { chooseLanguage } from "./support/journeys";

const STUDIO = DEMO.studio;
const ADMIN = DEMO.admin;

const today = new Date().toISOString().slice(0, 10);
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 8)}01`;

/**
 * The demo seed records a year of receipts; should this database have been seeded before that
 * part of the seed existed, add two USD receipts on the studio's signed USD deal with Thailand so
 * the page has figures to show (written straight to the tables, as the seed would).
 */
async function ensureReceipts(api: APIRequestContext) {
  const res = await api.get(`/api/v1/outcomes?from=${yearAgo}&to=${today}&currency=USD`);
  if (res.status() === 200 && (await res.json()).receiptCount > 0) return;
  const url = e2eDatabaseUrl();
  if (!url) throw new Error(`The demo seed has no receipts for the studio (${res.status()}) and E2E_DATABASE_URL is not set.`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Specs run in parallel: one of them adds the receipts, under a lock, once.
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(424242)");
    const { rows } = await client.query<{ id: string }>(
      `SELECT d.id FROM deal d JOIN organization lor ON lor.id = d.licensor_id JOIN organization lee ON lee.id = d.licensee_id
       WHERE lor.name = 'Jade Mountain Pictures' AND lee.home_country <> lor.home_country AND d.currency = 'USD' AND d.status = 'SIGNED'
       ORDER BY d.created_at LIMIT 1`,
    );
    const dealId = rows[0]?.id;
    if (!dealId) throw new Error("No signed USD deal of the demo studio.");
    for (const [amount, day] of [
      [25000000n, `${today.slice(0, 7)}-01`],
      [12500000n, yearAgo],
    ] as const) {
      await client.query(
        `INSERT INTO receipt (id, deal_id, kind, currency, amount_minor, received_on, creators_total_minor, facility_minor, studio_minor)
         SELECT gen_random_uuid(), $1, 'MG_INSTALMENT', 'USD', $2, $3, 0, 0, $2
         WHERE NOT EXISTS (SELECT 1 FROM receipt WHERE deal_id = $1 AND received_on = $3::date)`,
        [dealId, amount.toString(), day],
      );
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

test.describe("outcomes", () => {
  test("a studio reads its ratio on the dashboard and its outcomes page, in English and Chinese", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, STUDIO);
    await ensureReceipts(page.request);

    // Dashboard: the ratio card, with a link to the outcomes page.
    await page.goto("/dashboard");
    const card = page.getByTestId("outcomes-ratio-card");
    await expect(card.getByRole("heading", { name: "IP receipts ÷ IP payments" })).toBeVisible();
    await expect(card.getByTestId("outcomes-ratio-year")).toHaveText(/(\d[\d,]*\.\d{2}×|No payments)/);
    await card.getByRole("link", { name: "Open outcomes" }).click();
    await page.waitForURL("**/outcomes");

    // The outcomes page in USD over the last year.
    await page.goto(`/outcomes?from=${yearAgo}&to=${today}&currency=USD&granularity=month`);
    await expect(page.getByRole("heading", { level: 1, name: "Outcomes" })).toBeVisible();
    await expect(page.getByTestId("outcomes-ratio").getByText("IP receipts ÷ IP payments")).toBeVisible();
    const receipts = page.getByTestId("outcomes-receipts");
    await expect(receipts).toContainText(/\$[\d,]+\.\d{2}/);
    await expect(page.getByTestId("outcomes-series-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    // Each breakdown is a chart and a table that sums to the totals; the title table exports to CSV.
    await page.getByRole("tab", { name: "Title" }).click();
    const titles = page.getByRole("table", { name: "Title" });
    await expect(titles.getByRole("row").nth(1)).toBeVisible();
    const csvHref = await page.getByTestId("breakdown-byTitle").getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\r\n")[0]).toBe("\uFEFFkey,label,currency,receipts,payments,ratio");
    await page.getByRole("tab", { name: "Counterparty country" }).click();
    await expect(page.getByRole("table", { name: "Counterparty country" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "FX rates used" })).toBeVisible();

    // Quarterly, through the controls.
    await page.getByRole("combobox", { name: "Group by" }).click();
    await page.getByRole("option", { name: "Quarter" }).click();
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/granularity=quarter/);
    await expect(
      page
        .getByRole("table", { name: "Receipts and payments over time" })
        .getByRole("cell", { name: /^Q[1-4] \d{4}$/ })
        .first(),
    ).toBeVisible();

    // The same page in Chinese.
    await chooseLanguage(page, "简体中文");
    await expect(page.getByRole("heading", { level: 1, name: "经营成果" })).toBeVisible();
    await expect(page.getByTestId("outcomes-ratio").getByText("知识产权收入 ÷ 知识产权支出")).toBeVisible();
    await expect(
      page
        .getByRole("table", { name: "收入与支出趋势" })
        .getByRole("cell", { name: /^\d{4}年第[1-4]季度$/ })
        .first(),
    ).toBeVisible();
    await page.getByRole("tab", { name: "作品" }).click();
    await expect(page.getByRole("table", { name: "作品" }).getByRole("row").nth(1)).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByTestId("outcomes-ratio-card").getByRole("link", { name: "查看经营成果" })).toBeVisible();
    await chooseLanguage(page, "English");
  });

  test("a studio that asks for a currency without FX rates is told which rate is missing", async ({ page }) => {
    await logIn(page, STUDIO);
    await ensureReceipts(page.request);
    // XOF: no demo rate converts into it.
    await page.goto(`/outcomes?from=${yearAgo}&to=${today}&currency=XOF`);
    const error = page.getByTestId("outcomes-error");
    await expect(error).toContainText("An FX rate is missing");
    await expect(error).toContainText(/No [A-Z]{3}→XOF rate on or before [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
  });

  test("a platform administrator enters and imports FX rates, then reads outcomes by home country", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, ADMIN);
    // The platform's home page shows the ratio per home country.
    await page.goto("/dashboard");
    await expect(
      page.getByTestId("platform-outcomes-card").getByRole("heading", { name: "IP receipts ÷ IP payments by home country" }),
    ).toBeVisible();
    await expect(page.getByTestId("platform-outcomes-card").getByText("China", { exact: true })).toBeVisible();
    await page.goto("/fx-rates");
    await expect(page.getByRole("heading", { level: 1, name: "FX rates" })).toBeVisible();
    const form = page.getByTestId("fx-rate-form");
    await form.getByLabel("Date").fill("2026-11-20");
    await form.getByLabel("Base currency").fill("USD");
    await form.getByLabel("Quote currency").fill("CHF");
    await form.getByLabel("Rate").fill("0,88");
    await form.getByRole("button", { name: "Save rates" }).click();
    await expect(form.getByText("Use a rate more than zero with at most 12 decimals, e.g. 7.1234.")).toBeVisible();
    await form.getByLabel("Rate").fill("0.8812");
    await form.getByRole("button", { name: "Save rates" }).click();
    await expect(page.getByText("1 rate saved.")).toBeVisible();
    const history = page.getByRole("table", { name: "Rates entered" });
    await expect(history.getByRole("row").filter({ hasText: "CHF" }).filter({ hasText: "0.8812" })).toBeVisible();

    // A file with a bad row is refused row by row and saves nothing; the corrected file imports.
    const file = (rows: string) => ({ name: "rates.csv", mimeType: "text/csv", buffer: Buffer.from(`date,base,quote,rate\n${rows}`) });
    const importer = page.getByTestId("fx-import");
    await importer.getByLabel("File").setInputFiles(file("2026-11-21,USD,SEK,10.61\n2026-11-21,USD,QQQ,1.5\n"));
    await importer.getByRole("button", { name: "Check the file" }).click();
    await expect(importer.getByTestId("fx-import-errors")).toContainText(/Row \d+ · Quote:/);
    await expect(history.getByRole("row").filter({ hasText: "SEK" })).toHaveCount(0);
    await importer.getByLabel("File").setInputFiles(file("2026-11-21,USD,SEK,10.61\n2026-11-21,USD,NOK,11.02\n"));
    await importer.getByRole("button", { name: "Check the file" }).click();
    await expect(importer.getByRole("status")).toHaveText("2 rates are ready to import.");
    await importer.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText("2 rates imported.")).toBeVisible();
    await expect(history.getByRole("row").filter({ hasText: "SEK" }).filter({ hasText: "10.61" })).toBeVisible();

    await chooseLanguage(page, "简体中文");
    await expect(page.getByRole("heading", { level: 1, name: "汇率" })).toBeVisible();
    await chooseLanguage(page, "English");

    // The platform's outcomes: per home country, with the studios' export shares.
    await page.goto(`/outcomes?from=${yearAgo}&to=${today}&currency=USD`);
    await expect(page.getByRole("heading", { level: 1, name: "Outcomes by home country" })).toBeVisible();
    await expect(page.getByRole("table", { name: "By home country" }).getByRole("cell", { name: "China", exact: true })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Studios" }).getByRole("cell", { name: "Jade Mountain Pictures", exact: true }),
    ).toBeVisible();
  });
});
