import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerFoundationPaths } from "@/lib/api/openapi-foundation";
import { registerCataloguePaths, registerSeasonPaths } from "@/lib/catalogue/openapi";
import { registerDealPaths } from "@/lib/deals/openapi";
import { registerEditPaths } from "@/lib/edits/openapi";
import { registerFacilityPaths } from "@/lib/facility/openapi";
import { registerFxPaths } from "@/lib/fx/openapi";
import { registerMailPaths } from "@/lib/mail/openapi";
import { registerNotificationPaths } from "@/lib/notifications/openapi";
import { registerObligationPaths } from "@/lib/obligations/openapi";
import { registerOutcomesPaths } from "@/lib/outcomes/openapi";
import { registerProgrammePaths } from "@/lib/programmes/openapi";
import { registerStatementPaths } from "@/lib/statements/openapi";

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas the route handlers validate
 * with. Each domain contributes a `register*Paths(registry)` function from its openapi.ts; this
 * module sits above every domain (nothing in lib/ imports it), and the order of the calls is the
 * order of the document (tests/fixtures/openapi.json holds it byte for byte).
 */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key of your organisation (Settings → API keys).",
  });
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "__Secure-next-auth.session-token" });
  registerFoundationPaths(registry);
  registerCataloguePaths(registry);
  registerDealPaths(registry);
  registerEditPaths(registry);
  registerNotificationPaths(registry);
  registerStatementPaths(registry);
  registerFxPaths(registry);
  registerOutcomesPaths(registry);
  registerFacilityPaths(registry);
  registerProgrammePaths(registry);
  registerMailPaths(registry);
  registerObligationPaths(registry);
  registerSeasonPaths(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Rightsbridge API",
      version: "1.0.0",
      description:
        "Rights, licensing, revenue and advances for cultural IP. Money is `{amount: decimal string, currency}`; errors are application/problem+json; lists take `limit` and an opaque `cursor`.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }, { session: [] }],
  });
}
