import { z } from "zod";
import { errorCodes } from "./error-codes";

export const errorCodeSchema = z.enum(errorCodes).meta({
  id: "ErrorCode",
  description:
    "A stable code for the refusal or the field's problem: show its message in your user's language, filled in with `params`. Codes are never renamed.",
});
export const paramsSchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .meta({ description: "The values the code's message names (an amount, a territory, a column…)." });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong, in English." }),
    code: errorCodeSchema,
    params: paramsSchema,
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: errorCodeSchema, params: paramsSchema })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const idParams = z.object({ id: z.uuid() });

/**
 * The refusal of an optional `{"version": n}` body (propose, sign, submit, withdraw), answered as
 * one error on `version` whatever was wrong with the body.
 */
export const VERSION_BODY_REFUSAL = {
  detail: 'Send no body, {} or {"version": n}.',
  errors: [{ path: "version", message: "Send the version you last read, as a whole number." }],
};

const problemContent = { "application/problem+json": { schema: problemSchema } };

/** Standard error responses, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed JSON.",
    401: "Not signed in, or an invalid API key.",
    403: "Your role does not allow this.",
    404: "Not found (or not visible to your organisation).",
    409: "Conflict with the current state.",
    415: "Body is not application/json.",
    422: "Validation failed; `errors` lists each field.",
    429: "Too many requests; try again later.",
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: descriptions[s] ?? "Error", content: problemContent }]));
}
