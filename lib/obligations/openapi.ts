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
}
