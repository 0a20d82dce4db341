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
import { POST as acceptInvitationRoute } from "@/app/api/v1/invitations/accept/route";
import { POST as inviteRoute } from "@/app/api/v1/invitations/route";
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
  return { cookie: `${SESSION_COOKIE}=${token}` };
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
  const userId: string = res.body.user.id;
  const orgId: string = res.body.organization.id;
  return { userId, orgId, email: res.body.user.email, password, headers: await sessionHeaders(userId, orgId) };
}

/** Creates an API key through POST /api/v1/api-keys with the given credentials; expects 201. */
export async function createApiKeyViaApi(headers: Record<string, string>, name = "Test key"): Promise<{ id: string; key: string }> {
  const res = await callRoute(createApiKeyRoute, "/api/v1/api-keys", { headers, json: { name } });
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
    json: { token: invited.body.token },
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
export function expectProblem(res: ApiResponse, status: number): Problem {
  expect({ status: res.status, contentType: res.contentType }).toEqual({ status, contentType: PROBLEM_JSON });
  expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\/[a-z-]+$/), title: expect.any(String) });
  expect(res.body.detail).toEqual(expect.any(String));
  return res.body as Problem;
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
