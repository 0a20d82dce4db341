/** The seeded demo accounts the journeys use (lib/orgs/seed.ts creates them with this password). */
export const DEMO_PASSWORD = "demo-rights-2026";

export const DEMO = {
  /** OWNER of the demo facility: underwrites and approves. */
  underwriter: { email: "finance@demo.rightsbridge.test", password: DEMO_PASSWORD },
  /** MEMBER of the demo facility: disburses. */
  officer: { email: "finance.ops@demo.rightsbridge.test", password: DEMO_PASSWORD },
  /** The Chinese demo studio. */
  studio: { email: "studio@demo.rightsbridge.test", password: DEMO_PASSWORD },
  /** The platform administrator. */
  admin: { email: "admin@demo.rightsbridge.test", password: DEMO_PASSWORD },
} as const;
