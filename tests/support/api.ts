/**
 * Calls /api/v1 route handlers in-process, the way Next would: a real NextRequest in, a real
 * Response out. Sessions are minted exactly as next-auth would mint them (an encrypted JWT in the
 * session cookie, signed with the app's secret), so the session gate under test is the real one.
 */
import { NextRequest } from "next/server";
import { encode, type JWT } from "next-auth/jwt";
import { expect } from "vitest";
import { POST as createApiKeyRoute } from "@/app/api/v1/api-keys/route";
import { POST as registerRoute } from "@/app/api/v1/auth/register/route";
import { POST as verifyEmailRoute } from "@/app/api/v1/auth/verify-email/route";
import { GET as availsRoute } from "@/app/api/v1/avails/route";
import { GET as counterpartiesRoute } from "@/app/api/v1/counterparties/route";
import { GET as conflictsRoute } from "@/app/api/v1/deals/[id]/conflicts/route";
import { DELETE as deleteGrantRoute } from "@/app/api/v1/deals/[id]/grants/[grantId]/route";
import { POST as addGrantRoute } from "@/app/api/v1/deals/[id]/grants/route";
import { POST as proposeRoute } from "@/app/api/v1/deals/[id]/propose/route";
import { GET as getDealRoute, PATCH as patchDealRoute } from "@/app/api/v1/deals/[id]/route";
import { POST as signRoute } from "@/app/api/v1/deals/[id]/sign/route";
import { POST as terminateRoute } from "@/app/api/v1/deals/[id]/terminate/route";
import { POST as createDealRoute, GET as listDealsRoute } from "@/app/api/v1/deals/route";
import { POST as acceptInvitationRoute } from "@/app/api/v1/invitations/accept/route";
import { POST as inviteRoute } from "@/app/api/v1/invitations/route";
import { GET as getRightsHeldRoute, PUT as putRightsHeldRoute } from "@/app/api/v1/titles/[id]/rights-held/route";
import { POST as createTitleRoute } from "@/app/api/v1/titles/route";
import { authSecret, SESSION_MAX_AGE_SECONDS, useSecureCookies } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";

export const BASE_URL = "http://localhost:3000";
export const SESSION_COOKIE = useSecureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";
export const PROBLEM_JSON = "application/problem+json";

type RouteHandler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

export type CallOptions = {
  method?: string;
  headers?: HeadersInit;
  /** Sent as JSON (content-type application/json unless `headers` says otherwise). */
  json?: unknown;
  /** Sent as is; set the content type yourself through `headers`. */
  rawBody?: string;
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
};

// Response bodies are untyped JSON that tests assert on field by field.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type ApiResponse<T = any> = {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON, or null when the body is empty. */
  body: T;
  text: string;
};

/** Calls a route handler with a request built from `path` and `options`; reads the whole answer. */
// biome-ignore lint/suspicious/noExplicitAny: untyped JSON bodies, as for ApiResponse
export async function callRoute<T = any>(handler: RouteHandler, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const url = new URL(path, BASE_URL);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  } else if (options.rawBody !== undefined) {
    body = options.rawBody;
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  const req = new NextRequest(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let parsed: unknown = null;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { status: res.status, headers: res.headers, contentType: res.headers.get("content-type") ?? "", body: parsed as T, text };
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

/** A session token exactly as lib/auth/options.ts's jwt callback shapes it. */
export type SessionClaims = { sub?: string; sv?: unknown; org?: string | null; [claim: string]: unknown };

/** The session cookie for arbitrary claims, encrypted with `secret` (the app's by default). */
export async function sessionCookie(claims: SessionClaims, secret: string = authSecret()): Promise<Record<string, string>> {
  // Claims may be deliberately malformed (e.g. a string `sv`) to test the gate's checks.
  const token = await encode({ token: claims as JWT, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  // As a browser on our own pages sends it: cookie-authenticated writes need our Origin (CSRF).
  return { cookie: `${SESSION_COOKIE}=${token}`, origin: BASE_URL };
}

type Ref = string | { id: string };
const idOf = (ref: Ref) => (typeof ref === "string" ? ref : ref.id);

/**
 * Headers carrying a session of `user` acting in `org`, as after a real login. The session
 * version is read from the database unless given (pass an old one to mimic a stale cookie).
 */
export async function sessionHeaders(user: Ref, org: Ref | null, options: { sv?: number } = {}): Promise<Record<string, string>> {
  const userId = idOf(user);
  const sv = options.sv ?? (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion;
  return sessionCookie({ sub: userId, sv, org: org === null ? null : idOf(org), name: "Test", email: "test@example.test" });
}

let registrations = 0;

/** A unique email for this test process. */
export function uniqueEmail(label = "user"): string {
  registrations += 1;
  return `${label}.${registrations}.${Date.now().toString(36)}@example.test`;
}

export const TEST_PASSWORD = "correct horse battery staple";

export type Registered = {
  userId: string;
  orgId: string;
  email: string;
  password: string;
  /** Session headers of the new owner acting in the new organisation. */
  headers: Record<string, string>;
};

export type RegisterOverrides = {
  /** Default true: follow the e-mailed verification link, as a real person would. */
  verified?: boolean;
  email?: string;
  password?: string;
  name?: string;
  organization?: { name?: string; kind?: "STUDIO" | "PARTNER"; homeCountry?: string };
};

/** Signs up through POST /api/v1/auth/register and fails the test unless it answers 201. */
export async function registerViaApi(overrides: RegisterOverrides = {}): Promise<Registered> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? TEST_PASSWORD;
  const res = await callRoute(registerRoute, "/api/v1/auth/register", {
    json: {
      email,
      password,
      name: overrides.name ?? "Test Person",
      organization: { name: "Test Studio", kind: "STUDIO", homeCountry: "CN", ...overrides.organization },
    },
  });
  if (res.status !== 201) throw new Error(`registration of ${email} answered ${res.status}: ${res.text}`);
  if (overrides.verified !== false) await verifyViaEmail(res.body.user.email);
  const userId: string = res.body.user.id;
  const orgId: string = res.body.organization.id;
  return { userId, orgId, email: res.body.user.email, password, headers: await sessionHeaders(userId, orgId) };
}

/**
 * The newest e-mail written to the outbox for `to` from `template`. Every message is written to
 * the outbox in the transaction that causes it; tests that need delivery over SMTP use
 * tests/support/smtp.ts instead.
 */
export async function latestOutboxMail(to: string, template: "verify-email" | "invitation" | "password-reset") {
  const row = await db.emailOutbox.findFirst({ where: { toAddress: to.toLowerCase(), template }, orderBy: { id: "desc" } });
  if (!row) throw new Error(`no ${template} e-mail to ${to} in the outbox`);
  return { subject: row.subject, text: row.textBody, html: row.htmlBody, locale: row.locale };
}

/** The token of the newest `path` link (e.g. "/invite/") e-mailed to `to`. */
export async function tokenFromOutbox(to: string, template: "verify-email" | "invitation" | "password-reset", path: string) {
  const mail = await latestOutboxMail(to, template);
  const match = new RegExp(`${path.replaceAll("/", "\\/")}([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}

/** Follows the verification link e-mailed to `email` (POST /api/v1/auth/verify-email); expects 200. */
export async function verifyViaEmail(email: string): Promise<void> {
  const token = await tokenFromOutbox(email, "verify-email", "/verify-email/");
  const res = await callRoute(verifyEmailRoute, "/api/v1/auth/verify-email", { json: { token } });
  if (res.status !== 200) throw new Error(`verifying ${email} answered ${res.status}: ${res.text}`);
}

/** Creates an API key (write scope unless told) through POST /api/v1/api-keys; expects 201. */
export async function createApiKeyViaApi(
  headers: Record<string, string>,
  name = "Test key",
  scope: "read" | "write" = "write",
): Promise<{ id: string; key: string }> {
  const res = await callRoute(createApiKeyRoute, "/api/v1/api-keys", { headers, json: { name, scope } });
  if (res.status !== 201) throw new Error(`creating API key answered ${res.status}: ${res.text}`);
  return { id: res.body.id, key: res.body.key };
}

export type Member = Registered & { membershipId: string; memberHeaders: Record<string, string> };

/**
 * A second person in `owner`'s organisation with `role`, joined the way people really join:
 * the owner invites, the invitee signs up (getting an organisation of their own) and accepts.
 * `headers` act in the invitee's own organisation; `memberHeaders` act in the owner's.
 */
export async function addMemberViaInvitation(
  owner: { orgId: string; headers: Record<string, string> },
  role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER",
): Promise<Member> {
  const email = uniqueEmail(role.toLowerCase());
  const invited = await callRoute(inviteRoute, "/api/v1/invitations", { headers: owner.headers, json: { email, role } });
  if (invited.status !== 201) throw new Error(`invitation answered ${invited.status}: ${invited.text}`);
  const person = await registerViaApi({ email, organization: { name: `${role} own org`, kind: "PARTNER", homeCountry: "TH" } });
  const accepted = await callRoute(acceptInvitationRoute, "/api/v1/invitations/accept", {
    headers: person.headers,
    json: { token: await tokenFromOutbox(email, "invitation", "/invite/") },
  });
  if (accepted.status !== 200) throw new Error(`accepting answered ${accepted.status}: ${accepted.text}`);
  const membership = await db.membership.findUniqueOrThrow({
    where: { userId_organizationId: { userId: person.userId, organizationId: owner.orgId } },
  });
  return { ...person, membershipId: membership.id, memberHeaders: await sessionHeaders(person.userId, owner.orgId) };
}

/** The owner's own membership id in their organisation. */
export async function membershipIdOf(userId: string, orgId: string): Promise<string> {
  const m = await db.membership.findUniqueOrThrow({ where: { userId_organizationId: { userId, organizationId: orgId } } });
  return m.id;
}

/**
 * Asserts an RFC 9457 problem answer with `status` (content type, and the body's own status,
 * type and title) and returns its body for further checks.
 */
/** Asserts a problem+json answer; `Extra` types the domain fields a problem carries (e.g. `rules`). */
export function expectProblem<Extra extends object = object>(res: ApiResponse, status: number): Problem & Extra {
  expect({ status: res.status, contentType: res.contentType }).toEqual({ status, contentType: PROBLEM_JSON });
  expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\/[a-z-]+$/), title: expect.any(String) });
  expect(res.body.detail).toEqual(expect.any(String));
  return res.body as Problem & Extra;
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
};

/** The paths of a validation problem's `errors`, sorted, for compact assertions. */
export function errorPaths(problem: Problem): string[] {
  return [...new Set((problem.errors ?? []).map((e) => e.path))].sort();
}

/**
 * A user who belongs to no organisation yet (sign-up always creates one, so this goes straight to
 * the database); used where a test needs someone whose only organisation is the one they join.
 */
export async function createUserWithoutOrganization(email = uniqueEmail("solo")): Promise<{ id: string; email: string }> {
  const user = await db.user.create({
    data: { email, name: "Solo Person", passwordHash: await hashPassword(TEST_PASSWORD) },
    select: { id: true, email: true },
  });
  return user;
}

// ---------------------------------------------------------------------------------------------
// Deals, rights held and avails (tests/integration/deals-*.test.ts, avails-*.test.ts)

type AuthHeaders = Record<string, string>;

/** The deal, rights-held and avails endpoints, called the way a party's client calls them. */
export const dealsApi = {
  create: (headers: AuthHeaders, json: unknown) => callRoute(createDealRoute, "/api/v1/deals", { headers, json }),
  list: (headers: AuthHeaders, query: CallOptions["query"] = {}) => callRoute(listDealsRoute, "/api/v1/deals", { headers, query }),
  get: (headers: AuthHeaders, id: string) => callRoute(getDealRoute, `/api/v1/deals/${id}`, { headers, params: { id } }),
  patch: (headers: AuthHeaders, id: string, json: unknown) =>
    callRoute(patchDealRoute, `/api/v1/deals/${id}`, { method: "PATCH", headers, params: { id }, json }),
  addGrant: (headers: AuthHeaders, id: string, json: unknown) =>
    callRoute(addGrantRoute, `/api/v1/deals/${id}/grants`, { headers, params: { id }, json }),
  deleteGrant: (headers: AuthHeaders, id: string, grantId: string) =>
    callRoute(deleteGrantRoute, `/api/v1/deals/${id}/grants/${grantId}`, { method: "DELETE", headers, params: { id, grantId } }),
  propose: (headers: AuthHeaders, id: string, json?: unknown) =>
    callRoute(proposeRoute, `/api/v1/deals/${id}/propose`, { method: "POST", headers, params: { id }, json }),
  sign: (headers: AuthHeaders, id: string, json?: unknown) =>
    callRoute(signRoute, `/api/v1/deals/${id}/sign`, { method: "POST", headers, params: { id }, json }),
  terminate: (headers: AuthHeaders, id: string, reason = "The licensee exited the market.") =>
    callRoute(terminateRoute, `/api/v1/deals/${id}/terminate`, { headers, params: { id }, json: { reason } }),
  conflicts: (headers: AuthHeaders, id: string) => callRoute(conflictsRoute, `/api/v1/deals/${id}/conflicts`, { headers, params: { id } }),
  counterparties: (headers: AuthHeaders) => callRoute(counterpartiesRoute, "/api/v1/counterparties", { headers }),
  avails: (headers: AuthHeaders, query: CallOptions["query"]) => callRoute(availsRoute, "/api/v1/avails", { headers, query }),
  rightsHeld: (headers: AuthHeaders, titleId: string) =>
    callRoute(getRightsHeldRoute, `/api/v1/titles/${titleId}/rights-held`, { headers, params: { id: titleId } }),
  putRightsHeld: (headers: AuthHeaders, titleId: string, json: unknown) =>
    callRoute(putRightsHeldRoute, `/api/v1/titles/${titleId}/rights-held`, { method: "PUT", headers, params: { id: titleId }, json }),
};

/** Creates a film through POST /api/v1/titles (201 expected) and returns its id. */
export async function titleViaApi(
  headers: AuthHeaders,
  overrides: { originalTitle?: string; visibility?: "PRIVATE" | "LISTED" } = {},
): Promise<string> {
  const res = await callRoute(createTitleRoute, "/api/v1/titles", {
    headers,
    json: { kind: "FILM", originalTitle: "玉山", originalLanguage: "zh", year: 2025, visibility: "LISTED", ...overrides },
  });
  if (res.status !== 201) throw new Error(`creating a title answered ${res.status}: ${res.text}`);
  return res.body.id;
}

/** A grant body (exclusive Thai SVOD for 2027 unless overridden). */
export function grantBody(titleId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { titleId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true, ...overrides };
}

/**
 * A DRAFT deal drafted by `drafter` with `counterparty` (`{licenseeId}` or `{licensorId}`) and the
 * given grants, each added through the API (201 expected). Returns the deal id.
 */
export async function draftDealViaApi(
  drafter: AuthHeaders,
  counterparty: { licenseeId: string } | { licensorId: string },
  grants: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const deal = await dealsApi.create(drafter, { ...counterparty, currency: "USD", ...extra });
  if (deal.status !== 201) throw new Error(`creating a deal answered ${deal.status}: ${deal.text}`);
  for (const grant of grants) {
    const added = await dealsApi.addGrant(drafter, deal.body.id, grant);
    if (added.status !== 201) throw new Error(`adding a grant answered ${added.status}: ${added.text}`);
  }
  return deal.body.id;
}

/** Proposes the deal as `proposer`, then both parties sign (the other first); expects SIGNED. */
export async function proposeAndSignViaApi(id: string, proposer: AuthHeaders, other: AuthHeaders): Promise<void> {
  for (const [step, res] of [
    ["propose", () => dealsApi.propose(proposer, id)],
    ["first signature", () => dealsApi.sign(other, id)],
    ["second signature", () => dealsApi.sign(proposer, id)],
  ] as const) {
    const answer = await res();
    if (answer.status !== 200) throw new Error(`${step} answered ${answer.status}: ${answer.text}`);
  }
  const deal = await dealsApi.get(proposer, id);
  if (deal.body.status !== "SIGNED") throw new Error(`deal ${id} is ${deal.body.status}, not SIGNED`);
}
