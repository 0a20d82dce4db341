import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { paginated } from "@/lib/api/pagination";
import { errorCodeSchema, errorResponses, idParams, paramsSchema } from "@/lib/api/schemas";
import { availsExportQuerySchema, emaImportQuerySchema, grantsExportQuerySchema } from "@/lib/avails/schema";
import { XLSX_MIME } from "@/lib/files/sniff";
import { moneySchema } from "@/lib/money/money";
import { contractQuerySchema } from "./contract";
import {
  AMENDMENT_STATUSES,
  amendmentChangesSchema,
  amendmentInputSchema,
  amendmentParams,
  amendmentPatchSchema,
  availsQuerySchema,
  createDealSchema,
  DEAL_STATUSES,
  dealListQuerySchema,
  dealVersionSchema,
  grantInputSchema,
  holdbackSchema,
  INSTALMENT_TRIGGERS,
  participantSchema,
  REPORTING_FREQUENCIES,
  renewalOptionSchema,
  renewalRequestSchema,
  rightsHeldSchema,
  shareTierSchema,
  terminateSchema,
  updateDealSchema,
} from "./schema";

const org = z.object({ id: z.uuid(), name: z.string(), kind: z.string(), homeCountry: z.string() }).meta({ id: "PartyRef" });

export const dealSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(DEAL_STATUSES),
    version: z.int().meta({ description: "Send it back with PATCH/sign; a stale one gets 409." }),
    currency: z.string(),
    licensor: org,
    licensee: org,
    role: z.enum(["LICENSOR", "LICENSEE"]),
    crossBorder: z.boolean(),
    awaitingOrganizationId: z.uuid().nullable(),
    terms: z.object({
      minimumGuarantee: moneySchema.nullable(),
      instalments: z.array(z.object({ amount: moneySchema, dueDate: z.iso.date().nullable(), trigger: z.enum(INSTALMENT_TRIGGERS) })),
      distributionFeePct: z.string().nullable(),
      expenseCap: moneySchema.nullable(),
      shareTiers: z.array(shareTierSchema),
      creatorParticipationPct: z.string().nullable(),
      participants: z.array(participantSchema),
      reportingFrequency: z.enum(REPORTING_FREQUENCIES),
      reportingDueDays: z.int(),
      paymentDueDays: z.int(),
      renewalOption: renewalOptionSchema.nullable(),
    }),
    grants: z.array(
      z.object({
        id: z.uuid(),
        titleId: z.uuid(),
        versionId: z.uuid().nullable(),
        territories: z.array(z.string()),
        excludedTerritories: z.array(z.string()),
        mediaRights: z.array(z.string()),
        languages: z.array(z.string()),
        start: z.iso.date(),
        end: z.iso.date(),
        exclusive: z.boolean(),
        holdbacks: z.array(holdbackSchema),
        editsPermitted: z.boolean(),
        seasons: z.array(z.int()).meta({ description: "Seasons of a series the grant covers; empty = every season." }),
      }),
    ),
    signatures: z.object({
      licensor: z.object({ at: z.iso.datetime(), by: z.uuid().nullable() }).nullable(),
      licensee: z.object({ at: z.iso.datetime(), by: z.uuid().nullable() }).nullable(),
    }),
    signedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Deal" });

const dealListItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(DEAL_STATUSES),
    version: z.int(),
    currency: z.string(),
    licensor: org,
    licensee: org,
    role: z.enum(["LICENSOR", "LICENSEE"]),
    awaitingOrganizationId: z.uuid().nullable(),
    grantCount: z.int(),
    minimumGuarantee: moneySchema.nullable(),
    window: z
      .object({ start: z.iso.date(), end: z.iso.date() })
      .nullable()
      .meta({ description: "The first grant's start to the last grant's end; null without grants." }),
    territories: z
      .array(z.string())
      .meta({ description: "The main territory codes as entered on the grants (groups not expanded): most used first, at most 5." }),
    territoryCount: z.int().meta({ description: "How many distinct territory codes the grants name." }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "DealListItem" });

const conflictSchema = z
  .object({
    dealId: z
      .uuid()
      .nullable()
      .meta({ description: "null when you are not a party to the conflicting deal (its identity stays private)." }),
    dealName: z.string(),
    grantId: z.uuid().nullable(),
    titleId: z.uuid(),
    titleName: z.string(),
    countries: z.array(z.string()),
    media: z.array(z.string()),
    start: z.iso.date(),
    end: z.iso.date(),
    holdback: z.boolean(),
  })
  .meta({ id: "RightsConflict" });

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });

export function registerDealPaths(r: OpenAPIRegistry) {
  const tags = ["Deals"];
  r.registerPath({
    method: "get",
    path: "/api/v1/deals",
    tags,
    summary: "Deals the organisation is a party to",
    request: { query: dealListQuerySchema },
    responses: { 200: ok("A page of deals.", paginated(dealListItemSchema, "DealPage")), ...errorResponses(401, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/deals",
    tags,
    summary: "Draft a deal with another studio or partner (give licenseeId to license out, licensorId to license in)",
    request: { body: jsonBody(createDealSchema) },
    responses: { 201: ok("Drafted.", dealSchema), ...errorResponses(400, 401, 403, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}",
    tags,
    summary: "A deal with its terms, grants and signatures",
    request: { params: idParams },
    responses: { 200: ok("The deal.", dealSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/deals/{id}",
    tags,
    summary: "Change a DRAFT or PROPOSED deal's terms (needs the version last read; a change after proposal returns it to the other party)",
    request: { params: idParams, body: jsonBody(updateDealSchema) },
    responses: { 200: ok("The deal.", dealSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/grants",
    tags,
    summary: "Add a grant (rights line)",
    request: { params: idParams, body: jsonBody(grantInputSchema) },
    responses: { 201: ok("The deal with the grant.", dealSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "delete",
    path: "/api/v1/deals/{id}/grants/{grantId}",
    tags,
    summary: "Remove a grant from a DRAFT or PROPOSED deal",
    request: { params: z.object({ id: z.uuid(), grantId: z.uuid() }) },
    responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404, 409) },
  });
  for (const [action, summary] of [
    ["propose", "Propose a draft deal to the other party"],
    ["sign", "Sign for your organisation; the second signature makes the deal SIGNED (409 with `conflicts` if it would double-grant)"],
  ] as const) {
    r.registerPath({
      method: "post",
      path: `/api/v1/deals/{id}/${action}`,
      tags,
      summary,
      request: { params: idParams, body: { required: false, ...jsonBody(dealVersionSchema) } },
      responses: {
        200: ok("The deal.", dealSchema),
        ...errorResponses(401, 403, 404, 409, 422),
        ...(action === "sign"
          ? {
              409: {
                description:
                  "Stale version, not proposed, already signed, rights not held (`uncovered`) or a rights conflict (`conflicts`).",
                content: {
                  "application/problem+json": {
                    schema: z.object({
                      type: z.string(),
                      title: z.string(),
                      status: z.int(),
                      detail: z.string(),
                      conflicts: z.array(conflictSchema).optional(),
                    }),
                  },
                },
              },
            }
          : {}),
      },
    });
  }
  registerAmendmentPaths(r);
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/terminate",
    tags,
    summary: "End a deal; its rights return to the licensor",
    request: { params: idParams, body: jsonBody(terminateSchema) },
    responses: { 200: ok("The deal.", dealSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/conflicts",
    tags,
    summary: "What would stop the deal from being signed now (conflicts and rights not held)",
    request: { params: idParams },
    responses: {
      200: ok(
        "Preview.",
        z.object({
          conflicts: z.array(conflictSchema),
          uncovered: z.array(z.object({ countries: z.array(z.string()), media: z.array(z.string()), start: z.string(), end: z.string() })),
        }),
      ),
      ...errorResponses(401, 404),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/counterparties",
    tags,
    summary: "Studios and partners a deal can be drafted with",
    responses: { 200: { description: "Organisations." }, ...errorResponses(401, 403) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}/rights-held",
    tags: ["Rights"],
    summary: "Chain of title: the scopes the studio holds (default: worldwide, all media, perpetual, exclusive)",
    request: { params: idParams },
    responses: { 200: ok("Rights held.", rightsHeldSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "put",
    path: "/api/v1/titles/{id}/rights-held",
    tags: ["Rights"],
    summary: "Replace the rights held of one of your titles",
    request: { params: idParams, body: jsonBody(rightsHeldSchema) },
    responses: { 200: ok("Rights held.", rightsHeldSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/avails",
    tags: ["Rights"],
    summary: "Avails per title × country × leaf media: AVAILABLE, NOT_HELD or BLOCKED (blockers shown to the licensor only)",
    request: { query: availsQuerySchema },
    responses: {
      200: ok(
        "Avails.",
        z.object({
          items: z.array(
            z.object({
              titleId: z.uuid(),
              territory: z.string(),
              mediaRight: z.string(),
              status: z.enum(["AVAILABLE", "BLOCKED", "NOT_HELD"]),
              blockers: z
                .array(z.object({ dealId: z.uuid(), grantId: z.uuid(), start: z.string(), end: z.string(), exclusive: z.boolean() }))
                .optional(),
            }),
          ),
        }),
      ),
      ...errorResponses(401, 404, 422),
    },
  });
  // EMA Avails export/import and the contract document.
  const emaFile = (description: string) => ({
    description,
    content: { [XLSX_MIME]: { schema: z.string().meta({ format: "binary" }) }, "text/csv": { schema: z.string() } },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/avails/export",
    tags: ["Rights"],
    summary: "The AVAILABLE cells of an avails query as an EMA Avails file (xlsx: Movie, TV and Mapping sheets; csv: Movie columns)",
    description:
      "Same parameters as GET /api/v1/avails. One row per country per leaf media right. Media → LicenseType: EST→EST, TVOD→VOD, SVOD→SVOD; others have none (LicenseType blank) and RightsbridgeMedia carries our code.",
    request: { query: availsExportQuerySchema },
    responses: { 200: emaFile("The file, as an attachment."), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/grants/export",
    tags,
    summary: "A deal's grants as an EMA Avails file (groups expanded to countries; ContractID is the deal id)",
    request: { params: idParams, query: grantsExportQuerySchema },
    responses: { 200: emaFile("The file, as an attachment."), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/grants/import",
    tags,
    summary: "Import an EMA Avails sheet as grants of a DRAFT or PROPOSED deal: all rows or none",
    description:
      'Send the XLSX or CSV as multipart/form-data field `file`, or as the raw body. Any bad row answers 422 with `errors: [{path: "rows.<row>.<Column>", message, row, column}]` and nothing is written. A change to a PROPOSED deal voids its signatures.',
    request: {
      params: idParams,
      query: emaImportQuerySchema,
      body: {
        content: {
          "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) },
          [XLSX_MIME]: { schema: z.string().meta({ format: "binary" }) },
          "text/csv": { schema: z.string() },
        },
      },
    },
    responses: {
      201: ok(
        "Imported: the deal with its grants.",
        z.object({
          imported: z.object({
            rows: z.int(),
            grants: z.int(),
            grantIds: z.array(z.uuid()),
            notes: z
              .array(
                z.object({
                  code: errorCodeSchema,
                  params: paramsSchema,
                  message: z.string(),
                  titleId: z.uuid(),
                  season: z.int(),
                  rows: z.array(z.object({ sheet: z.enum(["Movie", "TV"]), row: z.int() })),
                }),
              )
              .meta({
                description:
                  "What the import did beyond the sheet's words: Episode rows become grants of their whole season (EPISODE_AS_SEASON), once per title and season.",
              }),
          }),
          deal: dealSchema,
        }),
      ),
      ...errorResponses(401, 403, 404, 409, 413, 415, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/contract.pdf",
    tags,
    summary: "The international rights contract as a PDF (English or Simplified Chinese), for the parties",
    request: { params: idParams, query: contractQuerySchema },
    responses: {
      200: { description: "The contract.", content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } } },
      ...errorResponses(401, 404, 422),
    },
  });
}

const grantSnapSchema = z
  .object({
    id: z.string(),
    titleId: z.uuid(),
    titleName: z.string().optional(),
    versionId: z.uuid().nullable(),
    territories: z.array(z.string()),
    excludedTerritories: z.array(z.string()),
    mediaRights: z.array(z.string()),
    languages: z.array(z.string()),
    start: z.iso.date(),
    end: z.iso.date(),
    exclusive: z.boolean(),
    editsPermitted: z.boolean(),
    holdbacks: z.array(holdbackSchema),
  })
  .meta({ id: "GrantSnapshot" });

export const amendmentSchema = z
  .object({
    id: z.uuid(),
    dealId: z.uuid(),
    number: z.int(),
    status: z.enum(AMENDMENT_STATUSES),
    version: z.int().meta({ description: "Send it back with PATCH/propose/sign/withdraw; a stale one gets 409." }),
    effectiveOn: z.iso.date(),
    note: z.string().nullable(),
    changes: amendmentChangesSchema,
    renewal: z.boolean().meta({ description: "Created by exercising the deal's renewal option." }),
    createdByOrganizationId: z.uuid(),
    awaitingOrganizationId: z.uuid().nullable(),
    signatures: z.object({
      licensor: z.object({ at: z.iso.datetime(), by: z.uuid().nullable() }).nullable(),
      licensee: z.object({ at: z.iso.datetime(), by: z.uuid().nullable() }).nullable(),
    }),
    diff: z
      .object({
        grants: z.object({
          added: z.array(grantSnapSchema),
          removed: z.array(grantSnapSchema),
          changed: z.array(
            z.object({
              grantId: z.uuid(),
              titleId: z.uuid(),
              titleName: z.string().optional(),
              fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
            }),
          ),
        }),
        terms: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      })
      .nullable()
      .meta({
        description: "What it changes: frozen when signed; before that, a preview against the deal as it is now; null once withdrawn.",
      }),
    proposedAt: z.iso.datetime().nullable(),
    signedAt: z.iso.datetime().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Amendment" });

function registerAmendmentPaths(r: OpenAPIRegistry) {
  const tags = ["Deals"];
  const base = "/api/v1/deals/{id}/amendments";
  r.registerPath({
    method: "get",
    path: base,
    tags,
    summary: "A deal's amendments, oldest first, each with its diff",
    request: { params: idParams },
    responses: { 200: ok("Amendments.", z.object({ items: z.array(amendmentSchema) })), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: base,
    tags,
    summary: "Draft an amendment to a SIGNED deal (either party); terms.distributionFeePct and terms.shareTiers cannot be amended (422)",
    request: { params: idParams, body: jsonBody(amendmentInputSchema) },
    responses: { 201: ok("Drafted.", amendmentSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: `${base}/{aid}`,
    tags,
    summary: "One amendment",
    request: { params: amendmentParams },
    responses: { 200: ok("The amendment.", amendmentSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: `${base}/{aid}`,
    tags,
    summary: "Change a DRAFT amendment (the drafting party; needs the version last read)",
    request: { params: amendmentParams, body: jsonBody(amendmentPatchSchema) },
    responses: { 200: ok("The amendment.", amendmentSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  for (const [action, summary] of [
    ["propose", "Propose a draft amendment to the other party"],
    [
      "sign",
      "Sign for your organisation; the second signature applies the amendment to the deal in one transaction (409 RIGHTS_CONFLICT with `conflicts` if it would double-grant; the deal is then unchanged)",
    ],
    ["withdraw", "Withdraw a draft (its drafter) or a proposal (either party)"],
  ] as const) {
    r.registerPath({
      method: "post",
      path: `${base}/{aid}/${action}`,
      tags,
      summary,
      request: { params: amendmentParams, body: { required: false, ...jsonBody(dealVersionSchema) } },
      responses: { 200: ok("The amendment.", amendmentSchema), ...errorResponses(401, 403, 404, 409, 422) },
    });
  }
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/renewal",
    tags,
    summary: "Exercise the deal's renewal option (the licensee, up to its noticeBy date): creates and proposes the amendment",
    request: { params: idParams, body: { required: false, ...jsonBody(renewalRequestSchema) } },
    responses: { 201: ok("The proposed amendment.", amendmentSchema), ...errorResponses(401, 403, 404, 409, 422) },
  });
}
