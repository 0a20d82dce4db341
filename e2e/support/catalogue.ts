/**
 * Catalogue steps shared by the catalogue specs: titles made through the API (for journeys whose
 * subject is something else, e.g. tenancy), and the pickers of the title and version forms driven
 * the way a person uses them (click, type, Enter), with web-first waits only.
 */
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, type Locator, type Page } from "@playwright/test";

/** tests/fixtures, where the import files live. */
export const FIXTURES = path.resolve(__dirname, "..", "..", "tests", "fixtures");

/** A real EIDR ID (its check character is right) and the same ID with a wrong check character. */
export const REAL_EIDR = "10.5240/7EC7-228A-510A-053E-CBB8-J";
export const WRONG_CHECK_EIDR = "10.5240/7EC7-228A-510A-053E-CBB8-K";

type Options<M extends "get" | "post" | "patch" | "put" | "delete"> = Parameters<APIRequestContext[M]>[1];
export type Api = Pick<APIRequestContext, "get" | "post" | "patch" | "put" | "delete">;

/**
 * `page.request` (the browser's session cookies) that retries a request when the connection it
 * reused was reset: Node closes idle keep-alive sockets after 5 s, and a request sent on one at
 * that moment fails with ECONNRESET before reaching the app. Browsers retry those; so does this.
 * Never retries an HTTP answer, whatever its status.
 */
export function api(request: APIRequestContext): Api {
  const retry = <O extends object | undefined>(options: O) => ({ maxRetries: 2, ...options });
  return {
    get: (url: string, options?: Options<"get">) => request.get(url, retry(options)),
    post: (url: string, options?: Options<"post">) => request.post(url, retry(options)),
    patch: (url: string, options?: Options<"patch">) => request.patch(url, retry(options)),
    put: (url: string, options?: Options<"put">) => request.put(url, retry(options)),
    delete: (url: string, options?: Options<"delete">) => request.delete(url, retry(options)),
  };
}

export interface TitleInput {
  kind?: "FILM" | "SERIES" | "ANIMATION" | "GAME" | "FORMAT" | "MUSIC" | "PUBLISHING";
  originalTitle: string;
  titles?: { en?: string; zh?: string };
  originalLanguage?: string;
  genres?: string[];
  year?: number;
  runtimeMinutes?: number;
  synopsis?: string;
  visibility: "PRIVATE" | "LISTED";
}

export interface TitleBody {
  id: string;
  originalTitle: string;
  titles: { en: string | null; zh: string | null };
  visibility: "PRIVATE" | "LISTED";
  lockVersion: number;
  versions?: { id: string; kind: "ORIGINAL" | "INTERNATIONAL"; name: string }[];
  [key: string]: unknown;
}

/** POST /api/v1/titles with the session of `api` (page.request after signUp); expects 201. */
export async function createTitleViaApi(request: Api, input: TitleInput): Promise<TitleBody> {
  const response = await request.post("/api/v1/titles", {
    data: { kind: "FILM", originalLanguage: "zh", year: 2024, genres: ["DRAMA"], ...input },
  });
  expect(response.status(), `create title ${input.originalTitle}: ${await response.text()}`).toBe(201);
  return response.json();
}

/** A problem+json answer with this status (404 never says whether the record exists). */
export async function expectProblem(response: APIResponse, status: number, what: string): Promise<void> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  expect(response.headers()["content-type"], what).toContain("application/problem+json");
}

/** Opens `url` and expects the in-app "Page not found" (HTTP 404). */
export async function expectNotFoundPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), `${url} should be a 404 page`).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
}

/**
 * Adds values in a multi-select picker (genres, territories, languages): opens it, types each
 * query in its search box and presses Enter, which adds the first match (or a typed language
 * tag), then closes the list with Escape. `expectChip` is the chosen value's label, checked on
 * its "Remove …" chip so a wrong first match fails here rather than later.
 */
export async function pickInMultiSelect(
  scope: Page | Locator,
  page: Page,
  label: string,
  choices: { type: string; expectChip: string }[],
): Promise<void> {
  const trigger = scope.getByRole("combobox", { name: label, exact: true });
  // Chips sit next to the trigger, inside the picker's own box.
  const box = scope.locator('[data-slot="multi-select"]', { has: page.getByRole("combobox", { name: label, exact: true }) });
  await trigger.click();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  // The list's search box controls the same listbox as the trigger.
  const listId = await trigger.getAttribute("aria-controls");
  const search = page.locator(`input[aria-controls="${listId}"]`);
  for (const choice of choices) {
    await search.fill(choice.type);
    await search.press("Enter");
    await expect(box.getByRole("button", { name: `Remove ${choice.expectChip}`, exact: true })).toBeVisible();
  }
  await search.press("Escape");
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
}

/** Chooses `option` in a single select (radix Select) labelled `label`. */
export async function chooseOption(scope: Page | Locator, page: Page, label: string, option: string): Promise<void> {
  const trigger = scope.getByRole("combobox", { name: label, exact: true });
  await trigger.click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(trigger).toHaveText(option);
}

/** Chooses a country in the searchable country picker labelled `label`. */
export async function chooseCountry(scope: Page | Locator, page: Page, label: string, country: string): Promise<void> {
  const trigger = scope.getByRole("combobox", { name: label, exact: true });
  await trigger.click();
  await page.getByRole("textbox", { name: "Search countries" }).fill(country);
  await page.getByRole("option", { name: new RegExp(`^${country}`) }).click();
  await expect(trigger).toHaveText(country);
}

/** The list's "Showing 1–20 of 20" line (or "No results"). */
export function pagerStatus(page: Page): Locator {
  return page.getByTestId("pager-status");
}

/** Chooses `file` (a name in tests/fixtures) on /titles/import and returns the preview it shows. */
export async function previewImport(page: Page, file: string): Promise<Locator> {
  // The file input appears once the page is hydrated; setInputFiles waits for it.
  await page.locator("input[type=file]").setInputFiles(path.join(FIXTURES, file));
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  return preview;
}

/** The `total` of GET /api/v1/titles for the session of `api` (the studio's own titles). */
export async function titleTotal(request: Api): Promise<number> {
  const response = await request.get("/api/v1/titles?limit=1");
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}
