import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { paginated } from "@/lib/api/pagination";
import { errorResponses } from "@/lib/api/schemas";
import { moneySchema } from "@/lib/money/money";
import { OBLIGATION_KINDS, OBLIGATION_SIDES, OBLIGATION_STATUSES, obligationListQuerySchema } from "./schema";

const ref = z.object({ id: z.string(), name: z.string() });

const obligationSchema = z
  .object({
    id: z.string().meta({ description: "Stable: derived from the records, the same on every read (and the calendar feed's UID)." }),
    kind: z.enum(OBLIGATION_KINDS),
    dueDate: z.iso.date().meta({ description: "A calendar date." }),
    status: z.enum(OBLIGATION_STATUSES).meta({
      description: "UPCOMING (more than 7 days away), DUE (within 7 days), OVERDUE, DONE — on the organisation's calendar date.",
    }),
    side: z.enum(OBLIGATION_SIDES),
    deal: ref.nullable(),
    title: ref.nullable(),
    amount: moneySchema.nullable(),
    outstanding: moneySchema.nullable(),
    href: z.string().meta({ description: "In-app path of the record to act on." }),
  })
  .meta({ id: "Obligation" });

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export function registerObligationPaths(r: OpenAPIRegistry) {
  const tags = ["Obligations"];
  r.registerPath({
    method: "get",
    path: "/api/v1/obligations",
    tags,
    summary: "The active organisation's obligations (derived from its deals, edit requests, advances), ordered by due date",
    request: { query: obligationListQuerySchema },
    responses: {
      200: { description: "A page of obligations.", ...jsonBody(paginated(obligationSchema, "ObligationPage")) },
      ...errorResponses(401, 404, 422),
    },
  });
  const feedState = z
    .object({
      feed: z.object({ id: z.uuid(), createdAt: z.iso.datetime(), lastUsedAt: z.iso.datetime().nullable() }).nullable(),
    })
    .meta({ id: "CalendarFeedState" });
  r.registerPath({
    method: "get",
    path: "/api/v1/me/calendar-feed",
    tags,
    summary: "Your calendar feed for the active organisation, if one is active (never its address)",
    responses: { 200: { description: "The active feed or null.", ...jsonBody(feedState) }, ...errorResponses(401) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/me/calendar-feed",
    tags,
    summary: "Create your private calendar feed address (revokes the previous one); the address is shown once",
    responses: {
      201: {
        description: "The feed and its address.",
        ...jsonBody(z.object({ id: z.uuid(), url: z.url(), createdAt: z.iso.datetime() }).meta({ id: "CalendarFeedCreated" })),
      },
      ...errorResponses(401, 403),
    },
  });
  r.registerPath({
    method: "delete",
    path: "/api/v1/me/calendar-feed",
    tags,
    summary: "Revoke your calendar feed: its address answers 404 from now on",
    responses: { 204: { description: "Revoked." }, ...errorResponses(401, 403, 404) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/obligations.ics",
    tags,
    summary: "A person's calendar feed (iCalendar): one all-day event per obligation, in the person's language",
    description: "Calendar apps send no headers: the `token` of the feed address is the credential. Unknown or revoked tokens answer 404.",
    security: [],
    request: { query: z.object({ token: z.string() }) },
    responses: {
      200: { description: "The calendar.", content: { "text/calendar": { schema: z.string() } } },
      ...errorResponses(404),
    },
  });
}
