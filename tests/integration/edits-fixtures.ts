/**
 * Shared set-up for the edit-rights integration tests (tests/integration/edits-*.test.ts): the
 * edit-policy, edit-request and notification endpoints called the way a party's client calls
 * them, and a studio, a partner and outsiders registered through the real API.
 */
import { NextRequest } from "next/server";
import { GET as attachmentRoute } from "@/app/api/v1/edit-requests/[id]/attachments/[attachmentId]/route";
import { POST as attachRoute, GET as listAttachmentsRoute } from "@/app/api/v1/edit-requests/[id]/attachments/route";
import { POST as commentRoute, GET as listCommentsRoute } from "@/app/api/v1/edit-requests/[id]/comments/route";
import { POST as decisionRoute } from "@/app/api/v1/edit-requests/[id]/decision/route";
import { GET as getRequestRoute, PATCH as patchRequestRoute } from "@/app/api/v1/edit-requests/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/edit-requests/[id]/submit/route";
import { GET as timelineRoute } from "@/app/api/v1/edit-requests/[id]/timeline/route";
import { POST as withdrawRoute } from "@/app/api/v1/edit-requests/[id]/withdraw/route";
import { POST as createRequestRoute, GET as listRequestsRoute } from "@/app/api/v1/edit-requests/route";
import { POST as markReadRoute } from "@/app/api/v1/notifications/read/route";
import { GET as listNotificationsRoute } from "@/app/api/v1/notifications/route";
import { GET as unreadCountRoute } from "@/app/api/v1/notifications/unread-count/route";
import { GET as getPolicyRoute, PUT as putPolicyRoute } from "@/app/api/v1/titles/[id]/edit-policy/route";
import { db } from "@/lib/db/client";
import { BASE_URL, type CallOptions, callRoute, type Registered, registerViaApi, titleViaApi } from "../support/api";

type H = Record<string, string>;
const R = "/api/v1/edit-requests";

export const editsApi = {
  getPolicy: (headers: H, titleId: string) =>
    callRoute(getPolicyRoute, `/api/v1/titles/${titleId}/edit-policy`, { headers, params: { id: titleId } }),
  putPolicy: (headers: H, titleId: string, json: unknown) =>
    callRoute(putPolicyRoute, `/api/v1/titles/${titleId}/edit-policy`, { method: "PUT", headers, params: { id: titleId }, json }),
  create: (headers: H, json: unknown) => callRoute(createRequestRoute, R, { headers, json }),
  list: (headers: H, query: CallOptions["query"] = {}) => callRoute(listRequestsRoute, R, { headers, query }),
  get: (headers: H, id: string) => callRoute(getRequestRoute, `${R}/${id}`, { headers, params: { id } }),
  patch: (headers: H, id: string, json: unknown) =>
    callRoute(patchRequestRoute, `${R}/${id}`, { method: "PATCH", headers, params: { id }, json }),
  submit: (headers: H, id: string, json?: unknown) =>
    callRoute(submitRoute, `${R}/${id}/submit`, { method: "POST", headers, params: { id }, json }),
  withdraw: (headers: H, id: string, json?: unknown) =>
    callRoute(withdrawRoute, `${R}/${id}/withdraw`, { method: "POST", headers, params: { id }, json }),
  decide: (headers: H, id: string, json: unknown) => callRoute(decisionRoute, `${R}/${id}/decision`, { headers, params: { id }, json }),
  comments: (headers: H, id: string) => callRoute(listCommentsRoute, `${R}/${id}/comments`, { headers, params: { id } }),
  comment: (headers: H, id: string, body: string) =>
    callRoute(commentRoute, `${R}/${id}/comments`, { headers, params: { id }, json: { body } }),
  attachments: (headers: H, id: string) => callRoute(listAttachmentsRoute, `${R}/${id}/attachments`, { headers, params: { id } }),
  attachment: (headers: H, id: string, attachmentId: string) =>
    callRoute(attachmentRoute, `${R}/${id}/attachments/${attachmentId}`, { headers, params: { id, attachmentId } }),
  timeline: (headers: H, id: string) => callRoute(timelineRoute, `${R}/${id}/timeline`, { headers, params: { id } }),
  notifications: (headers: H, query: CallOptions["query"] = {}) =>
    callRoute(listNotificationsRoute, "/api/v1/notifications", { headers, query }),
  unreadCount: (headers: H) => callRoute(unreadCountRoute, "/api/v1/notifications/unread-count", { headers }),
  markRead: (headers: H, json: unknown) => callRoute(markReadRoute, "/api/v1/notifications/read", { headers, json }),
};

/** Uploads `bytes` as multipart/form-data field `file` named `fileName` (bytes kept exact, not text-decoded). */
export async function uploadAttachment(headers: H, id: string, bytes: Uint8Array, fileName: string, type = "application/octet-stream") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type }));
  const encoded = new Request("http://localhost", { method: "POST", body: form });
  const req = new NextRequest(new URL(`${R}/${id}/attachments`, BASE_URL), {
    method: "POST",
    headers: { ...headers, "content-type": encoded.headers.get("content-type")! },
    body: await encoded.arrayBuffer(),
  });
  const res = await attachRoute(req, { params: Promise.resolve({ id }) });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    contentType: res.headers.get("content-type") ?? "",
    body: text ? JSON.parse(text) : null,
    text,
  };
}

/** Downloads an attachment: the raw response. */
export function downloadAttachment(headers: H, id: string, attachmentId: string) {
  const req = new NextRequest(new URL(`${R}/${id}/attachments/${attachmentId}`, BASE_URL), { headers });
  return attachmentRoute(req, { params: Promise.resolve({ id, attachmentId }) });
}

/** A policy covering the rules the acceptance list names. */
export const POLICY = {
  elements: [
    { category: "ENDING", rule: "LOCKED", note: "The ending is the author's; it never changes." },
    { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10", note: "Cuts up to 10% of the runtime." },
    { category: "SUBTITLES", rule: "PRE_APPROVED" },
    { category: "CULTURAL_REFERENCE", rule: "APPROVAL_REQUIRED", note: "Ask us first." },
    { category: "DUBBING", rule: "PRE_APPROVED" },
  ],
};

export const item = (category: string, extra: Record<string, unknown> = {}) => ({
  category,
  description: `Change the ${category.toLowerCase()} for the market.`,
  rationale: "Local audiences expect it.",
  ...extra,
});

export type EditsWorld = {
  studio: Registered;
  partner: Registered;
  /** Another partner, party to nothing. */
  outsider: Registered;
  /** Another studio, party to nothing. */
  rival: Registered;
  titleId: string;
  originalVersionId: string;
};

/** A studio with a LISTED film and the policy above, a partner, and two outsiders. */
export async function editsWorld(options: { policy?: unknown } = {}): Promise<EditsWorld> {
  const studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  const partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  const outsider = await registerViaApi({ organization: { name: "Saigon Stream", kind: "PARTNER", homeCountry: "VN" } });
  const rival = await registerViaApi({ organization: { name: "Han River Pictures", kind: "STUDIO", homeCountry: "KR" } });
  const titleId = await titleViaApi(studio.headers, { originalTitle: "玉山", visibility: "LISTED" });
  const original = await db.version.findFirstOrThrow({ where: { titleId, kind: "ORIGINAL" }, select: { id: true } });
  if (options.policy !== null) {
    const res = await editsApi.putPolicy(studio.headers, titleId, options.policy ?? POLICY);
    if (res.status !== 200) throw new Error(`setting the policy answered ${res.status}: ${res.text}`);
  }
  return { studio, partner, outsider, rival, titleId, originalVersionId: original.id };
}

/** A request body for the world's title (Thailand, original version) with the given items. */
export function requestBody(w: EditsWorld, items: unknown[], extra: Record<string, unknown> = {}) {
  return { titleId: w.titleId, baseVersionId: w.originalVersionId, territories: ["TH"], items, ...extra };
}

/** Drafts a request as the world's partner (201 expected) and returns its body. */
export async function draftRequest(w: EditsWorld, items: unknown[], extra: Record<string, unknown> = {}) {
  const res = await editsApi.create(w.partner.headers, requestBody(w, items, extra));
  if (res.status !== 201) throw new Error(`drafting answered ${res.status}: ${res.text}`);
  return res.body;
}

/** Drafts and submits (200 expected); returns the submitted request. */
export async function submittedRequest(w: EditsWorld, items: unknown[], extra: Record<string, unknown> = {}) {
  const draft = await draftRequest(w, items, extra);
  const res = await editsApi.submit(w.partner.headers, draft.id);
  if (res.status !== 200) throw new Error(`submitting answered ${res.status}: ${res.text}`);
  return res.body;
}
