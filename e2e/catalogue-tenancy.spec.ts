/**
 * Who sees and who changes a studio's titles, in the API and in the browser:
 * - PRIVATE: another studio and a partner get 404 for the page, the edit page and the API (reads
 *   and writes), the same answer as for an id that exists nowhere;
 * - LISTED: partners find it in the marketplace and read it without any editing control; nobody
 *   but the owning studio changes it (404 for another studio, 403 for a partner, whose role can
 *   change no title at all) and the title is unchanged afterwards.
 */
import type { Page } from "@playwright/test";
import { type Api, api, createTitleViaApi, expectNotFoundPage, expectProblem, type TitleBody } from "./support/catalogue";
import { type Account, expect, test } from "./support/fixtures";
import { otherBrowser, pageHeading } from "./support/journeys";

const NOWHERE = "00000000-0000-7000-8000-000000000000";

/** Every way to change a title and what hangs off it, with a valid body (so only access decides). */
function writes(title: TitleBody, originalVersionId: string) {
  return [
    {
      what: "rename the title",
      send: (as: Api) => as.patch(`/api/v1/titles/${title.id}`, { data: { originalTitle: "Hijacked" } }),
    },
    {
      what: "make it private",
      send: (as: Api) => as.patch(`/api/v1/titles/${title.id}`, { data: { visibility: "PRIVATE" } }),
    },
    { what: "archive it", send: (as: Api) => as.patch(`/api/v1/titles/${title.id}`, { data: { archived: true } }) },
    {
      what: "add a version",
      send: (as: Api) =>
        as.post(`/api/v1/titles/${title.id}/versions`, {
          data: {
            kind: "INTERNATIONAL",
            name: "Pirate cut",
            derivedFromId: originalVersionId,
            territories: ["TH"],
            audioLanguages: ["th"],
            subtitleLanguages: [],
            status: "PLANNED",
          },
        }),
    },
    {
      what: "edit its original version",
      send: (as: Api) => as.patch(`/api/v1/versions/${originalVersionId}`, { data: { name: "Renamed" } }),
    },
    {
      what: "record a market test",
      send: (as: Api) =>
        as.post(`/api/v1/versions/${originalVersionId}/market-tests`, {
          data: { territory: "TH", date: "2025-01-10", audienceSize: 100, score: 50, method: "SURVEY" },
        }),
    },
  ];
}

/** The title page as someone who may read but not change it: the facts, and no control that changes anything. */
async function expectReadOnlyTitlePage(page: Page, name: string, studio: Account): Promise<void> {
  await expect(pageHeading(page)).toHaveText(name);
  await expect(page.getByText(studio.organization.name).first()).toBeVisible();
  await expect(page.getByTestId("version-card")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add version" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit version / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Add market test to / })).toHaveCount(0);
  await expect(page.getByTestId("poster-input")).toHaveCount(0);
}

test("a PRIVATE title is a 404 for other studios and partners; a LISTED one is readable by partners and changeable only by its studio", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow(); // three organisations, two dozen probes
  const a = await signUp(page, { kind: "STUDIO" });
  const aApi = api(page.request);
  const tag = a.organization.id.slice(-8);
  const privateName = `Sealed Room ${tag}`;
  const listedName = `Long River ${tag}`;
  const privateTitle = await createTitleViaApi(aApi, {
    originalTitle: `密室 ${tag}`,
    titles: { en: privateName },
    visibility: "PRIVATE",
  });
  const listedTitle = await createTitleViaApi(aApi, {
    originalTitle: `长河 ${tag}`,
    titles: { en: listedName, zh: `长河 ${tag}` },
    synopsis: "Three generations of boatmen on the Yangtze.",
    visibility: "LISTED",
  });
  const originalVersionId = listedTitle.versions?.find((v) => v.kind === "ORIGINAL")?.id as string;
  expect(originalVersionId).toBeTruthy();

  // The owner's own view, for contrast: the edit page and its controls are there.
  expect((await page.goto(`/titles/${listedTitle.id}`))?.status()).toBe(200);
  await expect(pageHeading(page)).toHaveText(listedName);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add version" })).toBeEnabled();
  expect((await page.goto(`/titles/${privateTitle.id}/edit`))?.status()).toBe(200);
  await expect(pageHeading(page)).toHaveText("Edit title");

  const b = await otherBrowser(browser);
  const bStudio = await signUp(b.page, { kind: "STUDIO", homeCountry: "KR" });
  const p = await otherBrowser(browser);
  await signUp(p.page, { kind: "PARTNER", homeCountry: "TH" });
  const bApi = api(b.page.request);
  const pApi = api(p.page.request);

  // PRIVATE: a 404 everywhere for both, exactly as for an id that exists nowhere.
  for (const [who, outsider, outsiderApi] of [
    ["studio B", b.page, bApi],
    ["partner", p.page, pApi],
  ] as const) {
    await expectNotFoundPage(outsider, `/titles/${privateTitle.id}`);
    await expectNotFoundPage(outsider, `/titles/${privateTitle.id}/edit`);
    await expectNotFoundPage(outsider, `/titles/${NOWHERE}`);
    await expectProblem(await outsiderApi.get(`/api/v1/titles/${privateTitle.id}`), 404, `${who} reads the private title`);
    await expectProblem(await outsiderApi.get(`/api/v1/titles/${privateTitle.id}/versions`), 404, `${who} lists its versions`);
    await expectProblem(await outsiderApi.get(`/api/v1/titles/${NOWHERE}`), 404, `${who} reads a title that exists nowhere`);
    const list = await (await outsiderApi.get(`/api/v1/titles?q=${encodeURIComponent(tag)}`)).json();
    expect(
      list.items.map((t: { id: string }) => t.id),
      `${who} lists by the tag`,
    ).not.toContain(privateTitle.id);
  }
  // Changing it: nobody who cannot see it learns anything — another studio and a partner get 404,
  // the same answer as for a title that exists nowhere.
  await expectProblem(
    await bApi.patch(`/api/v1/titles/${privateTitle.id}`, { data: { originalTitle: "Hijacked" } }),
    404,
    "studio B edits the private title",
  );
  await expectProblem(
    await pApi.patch(`/api/v1/titles/${privateTitle.id}`, { data: { originalTitle: "Hijacked" } }),
    404,
    "partner edits the private title",
  );
  await expectProblem(
    await pApi.patch(`/api/v1/titles/${NOWHERE}`, { data: { originalTitle: "Hijacked" } }),
    404,
    "partner edits a title that exists nowhere",
  );

  // LISTED: the partner finds it in the marketplace (the private one is not there) and opens it read-only.
  await p.page.goto("/catalogue");
  await expect(pageHeading(p.page)).toHaveText("Catalogue");
  await p.page.getByRole("searchbox", { name: "Search" }).fill(tag);
  const cards = p.page.getByTestId("title-card");
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText(listedName);
  await expect(cards).toContainText(a.organization.name);
  await expect(p.page.getByText(privateName)).toHaveCount(0);
  await cards.click();
  await expect(p.page).toHaveURL(new RegExp(`/titles/${listedTitle.id}$`));
  await expectReadOnlyTitlePage(p.page, listedName, a);
  await expect(p.page.getByText("Three generations of boatmen on the Yangtze.")).toBeVisible();
  // The owner's visibility setting is the studio's business: partners are not shown it.
  await expect(p.page.getByText("Listed", { exact: true })).toHaveCount(0);
  await expectNotFoundPage(p.page, `/titles/${listedTitle.id}/edit`);
  const asPartner = await pApi.get(`/api/v1/titles/${listedTitle.id}`);
  expect(asPartner.status()).toBe(200);
  expect(await asPartner.json()).toMatchObject({ id: listedTitle.id, originalTitle: listedTitle.originalTitle });

  // Another studio may read a LISTED title too (to license it in), but its own list holds only its titles.
  const asStudioB = await b.page.goto(`/titles/${listedTitle.id}`);
  expect(asStudioB?.status()).toBe(200);
  await expectReadOnlyTitlePage(b.page, listedName, a);
  await expectNotFoundPage(b.page, `/titles/${listedTitle.id}/edit`);
  await b.page.goto("/titles");
  await expect(b.page.getByText("No titles yet")).toBeVisible();
  await expect(b.page.getByText(bStudio.organization.name).first()).toBeVisible();

  // Nobody but A changes it: 404 for studio B, 403 for the partner, for the title and its versions.
  for (const write of writes(listedTitle, originalVersionId)) {
    await expectProblem(await write.send(bApi), 404, `studio B: ${write.what}`);
    await expectProblem(await write.send(pApi), 403, `partner: ${write.what}`);
  }

  // Both titles are exactly as A left them.
  for (const before of [listedTitle, privateTitle]) {
    const after = await (await aApi.get(`/api/v1/titles/${before.id}`)).json();
    expect(after).toMatchObject({
      originalTitle: before.originalTitle,
      visibility: before.visibility,
      archived: false,
      lockVersion: before.lockVersion,
      versionCount: 1,
    });
    expect(after.versions).toEqual([
      expect.objectContaining({ id: before.versions?.[0]?.id, name: before.versions?.[0]?.name, marketTests: [] }),
    ]);
  }

  await b.context.close();
  await p.context.close();
});
