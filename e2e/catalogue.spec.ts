/**
 * Catalogue journeys, tried as a new studio would in a browser: register a title through the
 * form (a real EIDR ID, after a typo in its check character is caught on the field), cut two
 * international versions from it and record a market test; import twenty titles from a CSV and
 * see a file with bad rows refused row by row without writing anything; find a title by its
 * Chinese name in the list.
 */

import fs from "node:fs";
import path from "node:path";
import type { Locator } from "@playwright/test";
import {
  api,
  chooseCountry,
  chooseOption,
  createTitleViaApi,
  FIXTURES,
  pagerStatus,
  pickInMultiSelect,
  previewImport,
  REAL_EIDR,
  titleTotal,
  WRONG_CHECK_EIDR,
} from "./support/catalogue";
import { expect, test } from "./support/fixtures";
import { pageHeading } from "./support/journeys";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A fact of a version card ("Territories", "Audio", "Runtime", …): the value next to its label. */
const fact = (card: Locator, label: string) => card.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
const EIDR_CHECK_MESSAGE = "This EIDR ID’s check character does not match; check for a typo.";

test("a new studio registers a title with a real EIDR ID, adds two international versions and a market test", async ({ page, signUp }) => {
  test.slow(); // one long journey: a form, two version dialogs, a market-test dialog
  const studio = await signUp(page, { kind: "STUDIO", homeCountry: "HK" });

  await page.goto("/titles");
  await expect(pageHeading(page)).toHaveText("Titles");
  await expect(page.getByText("No titles yet")).toBeVisible();
  // The header and the empty state both offer it.
  await page.getByRole("link", { name: "New title" }).first().click();
  await expect(page).toHaveURL(/\/titles\/new$/);

  const form = page.getByRole("form", { name: "New title" });
  await expect(form.getByRole("combobox", { name: "Kind", exact: true })).toHaveText("Film");
  // The language is chosen by name (a picker), or typed as a code.
  const language = form.getByRole("combobox", { name: "Original language", exact: true });
  await language.click();
  await page.getByRole("textbox", { name: "Search a language or type a code" }).fill("yue");
  await page.keyboard.press("Enter");
  await expect(language).toHaveText("Cantonese");
  await form.getByLabel("Original title", { exact: true }).fill("季風來信");
  await form.getByLabel("English title", { exact: true }).fill("Letters from the Monsoon");
  await form.getByLabel("Chinese title (Simplified)", { exact: true }).fill("季风来信");
  await pickInMultiSelect(form, page, "Genres", [
    { type: "Drama", expectChip: "Drama" },
    { type: "Romance", expectChip: "Romance" },
  ]);
  await form.getByLabel("Year", { exact: true }).fill("2024");
  await form.getByLabel("Runtime (minutes)", { exact: true }).fill("112");

  // A typo in the check character is caught on the field as soon as the ID is complete.
  const eidr = form.getByLabel("EIDR ID", { exact: true });
  await eidr.pressSequentially(WRONG_CHECK_EIDR);
  const eidrField = form.locator('[data-slot="form-field"]', { has: page.getByLabel("EIDR ID", { exact: true }) });
  await expect(eidrField.getByRole("alert")).toHaveText(EIDR_CHECK_MESSAGE);
  await expect(eidr).toHaveAttribute("aria-invalid", "true");
  await expect(eidr).toHaveAccessibleDescription(new RegExp(EIDR_CHECK_MESSAGE));
  // Correcting the last character clears it.
  await eidr.press("Backspace");
  await eidr.pressSequentially(REAL_EIDR.slice(-1));
  await expect(eidr).toHaveValue(REAL_EIDR);
  await expect(eidrField.getByRole("alert")).toHaveCount(0);
  await expect(eidr).not.toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Synopsis", { exact: true }).fill("A postman on Lamma Island delivers letters that were never sent.");
  await form.getByRole("button", { name: "Add award" }).click();
  const award = form.getByRole("group", { name: "Award 1" });
  await award.getByLabel("Festival or award body", { exact: true }).fill("Busan International Film Festival");
  await award.getByLabel("Section", { exact: true }).fill("New Currents");
  await award.getByLabel("Award", { exact: true }).fill("New Currents Award");
  await award.getByLabel("Year", { exact: true }).fill("2024");
  await form.getByRole("radio", { name: "Listed", exact: true }).click();
  await expect(form.getByRole("radio", { name: "Listed", exact: true })).toBeChecked();
  await form.getByRole("button", { name: "Create title" }).click();

  // The title's page: what was typed, and its ORIGINAL version.
  await expect(page).toHaveURL(new RegExp(`/titles/${UUID}$`));
  const titleId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(pageHeading(page)).toHaveText("Letters from the Monsoon");
  await expect(page.getByText("季風來信 · 季风来信")).toBeVisible();
  await expect(page.getByText(REAL_EIDR, { exact: true })).toBeVisible();
  await expect(page.getByText("New Currents Award")).toBeVisible();
  await expect(page.getByText(studio.organization.name).first()).toBeVisible();
  const cards = page.getByTestId("version-card");
  await expect(cards).toHaveCount(1);
  const versionCard = (name: string) => cards.filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
  await expect(fact(versionCard("Original"), "Runtime")).toHaveText("112 min");

  // First international version: a Thai theatrical cut, eight minutes shorter.
  await page.getByRole("button", { name: "Add version" }).click();
  let dialog = page.getByRole("dialog", { name: "Add an international version" });
  await dialog.getByLabel("Name", { exact: true }).fill("Thai theatrical cut");
  await expect(dialog.getByRole("combobox", { name: "Derived from", exact: true })).toHaveText("Original");
  await pickInMultiSelect(dialog, page, "Territories", [{ type: "Thailand", expectChip: "Thailand" }]);
  await pickInMultiSelect(dialog, page, "Audio languages", [{ type: "th", expectChip: "Thai" }]);
  await pickInMultiSelect(dialog, page, "Subtitle languages", [{ type: "th", expectChip: "Thai" }]);
  await expect(dialog.getByLabel("Runtime (minutes)", { exact: true })).toHaveValue("112");
  await dialog.getByLabel("Runtime (minutes)", { exact: true }).fill("104");
  await chooseOption(dialog, page, "Status", "In production");
  await dialog.getByRole("button", { name: "Add change" }).click();
  let change = dialog.getByTestId("change-row");
  await chooseOption(change, page, "Element", "Runtime");
  await change.getByLabel("What changed", { exact: true }).fill("Eight minutes trimmed for the Thai theatrical rating.");
  await dialog.getByRole("button", { name: "Add version" }).click();
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(2);
  const thai = versionCard("Thai theatrical cut");
  await expect(thai).toContainText("Derived from Original");
  await expect(fact(thai, "Territories")).toHaveText("Thailand");
  await expect(fact(thai, "Audio")).toHaveText("Thai");
  await expect(fact(thai, "Subtitles")).toHaveText("Thai");
  await expect(fact(thai, "Runtime")).toHaveText("104 min");
  await expect(thai).toContainText("In production");
  await expect(thai).toContainText("Eight minutes trimmed for the Thai theatrical rating.");

  // Second: a Latin American Spanish dub, derived from the Thai cut.
  await page.getByRole("button", { name: "Add version" }).click();
  dialog = page.getByRole("dialog", { name: "Add an international version" });
  await dialog.getByLabel("Name", { exact: true }).fill("LATAM Spanish dub");
  await chooseOption(dialog, page, "Derived from", "Thai theatrical cut");
  await pickInMultiSelect(dialog, page, "Territories", [{ type: "LATAM", expectChip: "Latin America" }]);
  await pickInMultiSelect(dialog, page, "Audio languages", [{ type: "es-419", expectChip: "Latin American Spanish" }]);
  await dialog.getByLabel("Runtime (minutes)", { exact: true }).fill("104");
  await dialog.getByRole("button", { name: "Add change" }).click();
  change = dialog.getByTestId("change-row");
  await expect(change.getByRole("combobox", { name: "Element", exact: true })).toHaveText("Dubbing");
  await change.getByLabel("What changed", { exact: true }).fill("Latin American Spanish dub, cast in Mexico City.");
  await dialog.getByRole("button", { name: "Add version" }).click();
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(3);
  const latam = versionCard("LATAM Spanish dub");
  await expect(latam).toContainText("Derived from Thai theatrical cut");
  await expect(fact(latam, "Territories")).toHaveText("Latin America");
  await expect(fact(latam, "Audio")).toHaveText("Latin American Spanish");

  // A market test of the Thai cut in Thailand: the table and the score chart show it.
  await expect(thai).toContainText("No market tests recorded.");
  await page.getByRole("button", { name: "Add market test to Thai theatrical cut" }).click();
  const marketTest = page.getByRole("dialog", { name: "Add a market test" });
  await chooseCountry(marketTest, page, "Country", "Thailand");
  await marketTest.getByLabel("Audience size", { exact: true }).fill("240");
  await marketTest.getByLabel("Score", { exact: true }).fill("78");
  await chooseOption(marketTest, page, "Method", "Focus group");
  await marketTest.getByLabel("Notes", { exact: true }).fill("Two Bangkok screenings.");
  await marketTest.getByRole("button", { name: "Add market test" }).click();
  await expect(marketTest).toBeHidden();
  const tests = thai.getByRole("table", { name: "Market tests of Thai theatrical cut" });
  await expect(tests.getByRole("row")).toHaveCount(2);
  const testRow = tests.getByRole("row").nth(1);
  for (const text of ["Thailand", "Two Bangkok screenings.", "240", "78", "Focus group"]) await expect(testRow).toContainText(text);
  await expect(thai.getByTestId("market-test-chart")).toBeVisible();

  // Everything is stored: after a reload both versions, the tree and the test are still there.
  await page.reload();
  await expect(cards).toHaveCount(3);
  await expect(versionCard("Thai theatrical cut")).toBeVisible();
  await expect(versionCard("LATAM Spanish dub")).toContainText("Derived from Thai theatrical cut");
  await expect(versionCard("Thai theatrical cut").getByRole("table", { name: "Market tests of Thai theatrical cut" })).toContainText("78");
  // The API agrees.
  const stored = await (await api(page.request).get(`/api/v1/titles/${titleId}`)).json();
  expect(stored).toMatchObject({
    originalTitle: "季風來信",
    titles: { en: "Letters from the Monsoon", zh: "季风来信" },
    originalLanguage: "yue",
    genres: ["DRAMA", "ROMANCE"],
    eidr: REAL_EIDR,
    visibility: "LISTED",
    awards: [{ festival: "Busan International Film Festival", section: "New Currents", award: "New Currents Award", year: 2024 }],
  });
  const byName = new Map<string, { id: string; derivedFromId: string | null }>(
    stored.versions.map((v: { name: string; id: string; derivedFromId: string | null }) => [v.name, v]),
  );
  expect(byName.get("LATAM Spanish dub")?.derivedFromId).toBe(byName.get("Thai theatrical cut")?.id);
  expect(stored.versions).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: "Thai theatrical cut",
        kind: "INTERNATIONAL",
        territories: ["TH"],
        audioLanguages: ["th"],
        runtimeMinutes: 104,
        status: "IN_PRODUCTION",
        changes: [expect.objectContaining({ category: "RUNTIME" })],
        marketTests: [expect.objectContaining({ territory: "TH", audienceSize: 240, score: 78, method: "FOCUS_GROUP" })],
      }),
      expect.objectContaining({ name: "LATAM Spanish dub", territories: ["LATAM"], audioLanguages: ["es-419"] }),
    ]),
  );

  // The list shows the title with its three versions.
  await page.goto("/titles");
  await expect(pagerStatus(page)).toHaveText("Showing 1–1 of 1");
  const row = page.getByTestId("titles-table").getByRole("row", { name: /季風來信/ });
  await expect(row).toContainText("3");
  await expect(row).toContainText("Listed");

  // The API refuses the mistyped ID as well, on the same field.
  const refused = await api(page.request).post("/api/v1/titles", {
    data: { kind: "FILM", originalTitle: "Typo", originalLanguage: "yue", year: 2024, visibility: "PRIVATE", eidr: WRONG_CHECK_EIDR },
  });
  expect(refused.status(), await refused.text()).toBe(422);
  expect((await refused.json()).errors).toEqual([expect.objectContaining({ path: "eidr" })]);
});

test("a studio imports twenty titles from a CSV; a file with two bad rows is refused row by row and writes nothing", async ({
  page,
  signUp,
}) => {
  test.slow(); // two uploads and an import
  await signUp(page, { kind: "STUDIO" });
  await page.goto("/titles");
  await page.getByRole("link", { name: "Import titles" }).first().click();
  await expect(page).toHaveURL(/\/titles\/import$/);
  await expect(pageHeading(page)).toHaveText("Import titles");

  // The good file: every row is ready, and nothing is written before the import is confirmed.
  let preview = await previewImport(page, "titles-20-good.csv");
  await expect(preview).toContainText("titles-20-good.csv: 20 rows read, 20 ready, 0 with problems.");
  await expect(preview.getByText("20 titles are ready to import.")).toBeVisible();
  await expect(preview.getByTestId("import-errors")).toHaveCount(0);
  await expect(preview.getByRole("table", { name: "Rows of the file" }).getByRole("row")).toHaveCount(21);
  expect(await titleTotal(api(page.request))).toBe(0);
  await preview.getByRole("button", { name: "Import 20 titles" }).click();
  const done = page.getByTestId("import-done");
  await expect(done).toContainText("20 titles imported");
  await done.getByRole("link", { name: "View titles" }).click();
  await expect(page).toHaveURL(/\/titles\?sort=updated&order=desc$/);
  await expect(pagerStatus(page)).toHaveText("Showing 1–20 of 20");
  await expect(page.getByText("20 titles in your studio’s catalogue.")).toBeVisible();
  const table = page.getByTestId("titles-table");
  for (const name of ["流浪地球", "原神", "我是歌手"]) await expect(table.getByRole("link", { name, exact: true })).toBeVisible();

  // The bad file: both bad rows are reported with their row number and column, and the import
  // cannot be started.
  await page.goto("/titles/import");
  preview = await previewImport(page, "titles-18-good-2-bad.csv");
  await expect(preview).toContainText("titles-18-good-2-bad.csv: 20 rows read, 18 ready, 2 with problems.");
  await expect(preview.getByText("2 rows need attention")).toBeVisible();
  const errors = preview.getByTestId("import-errors").getByRole("row");
  await expect(errors).toHaveCount(3); // the header and one row per problem
  await expect(errors.nth(1).getByRole("cell")).toHaveText(["6", "year", /\S/]);
  await expect(errors.nth(2).getByRole("cell")).toHaveText(["15", "eidr", /check character/i]);
  await expect(preview.getByRole("button", { name: "Import 18 titles" })).toBeDisabled();

  // Committing it anyway (through the API) is refused with the same rows, and nothing is written.
  const bad = fs.readFileSync(path.join(FIXTURES, "titles-18-good-2-bad.csv"));
  const forced = await api(page.request).post("/api/v1/titles/import?dryRun=false", {
    multipart: { file: { name: "titles-18-good-2-bad.csv", mimeType: "text/csv", buffer: bad } },
  });
  expect(forced.status(), await forced.text()).toBe(422);
  expect((await forced.json()).errors).toEqual([
    expect.objectContaining({ row: 6, column: "year" }),
    expect.objectContaining({ row: 15, column: "eidr" }),
  ]);
  await preview.getByRole("button", { name: "Choose another file" }).click();
  await expect(preview).toBeHidden();
  await expect(page.locator("input[type=file]")).toBeAttached();

  await page.goto("/titles");
  await expect(pagerStatus(page)).toHaveText("Showing 1–20 of 20");
  expect(await titleTotal(api(page.request))).toBe(20);
});

test("the title list finds a title by its Chinese name", async ({ page, signUp }) => {
  await signUp(page, { kind: "STUDIO", homeCountry: "KR" });
  const studioApi = api(page.request);
  // Korean originals whose Chinese names share no characters with their other names.
  for (const [originalTitle, en, zh] of [
    ["기생충", "Parasite", "寄生虫"],
    ["올드보이", "Oldboy", "老男孩"],
    ["괴물", "The Host", "汉江怪物"],
  ] as const) {
    await createTitleViaApi(studioApi, { originalTitle, titles: { en, zh }, originalLanguage: "ko", visibility: "PRIVATE" });
  }

  await page.goto("/titles");
  await expect(pagerStatus(page)).toHaveText("Showing 1–3 of 3");
  const table = page.getByTestId("titles-table");
  const search = page.getByRole("searchbox", { name: "Search" });

  await search.fill("寄生虫");
  await expect(page).toHaveURL(/[?&]q=%E5%AF%84%E7%94%9F%E8%99%AB/);
  await expect(pagerStatus(page)).toHaveText("Showing 1–1 of 1");
  await expect(table.getByRole("link", { name: "기생충", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "올드보이", exact: true })).toHaveCount(0);

  // Part of a name is enough.
  await search.fill("怪物");
  await expect(pagerStatus(page)).toHaveText("Showing 1–1 of 1");
  await expect(table.getByRole("link", { name: "괴물", exact: true })).toBeVisible();

  // A reload keeps the search (it lives in the URL); clearing the filters brings every title back.
  await page.reload();
  await expect(search).toHaveValue("怪物");
  await expect(pagerStatus(page)).toHaveText("Showing 1–1 of 1");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(search).toHaveValue("");
  await expect(pagerStatus(page)).toHaveText("Showing 1–3 of 3");
});
