import "server-only";
import { recordAudit } from "@/lib/audit/commands";
import { type Actor, createActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { OrgKind, RoleName } from "./schema";

/** The demo organisations and accounts every other seed builds on (README: demo accounts). */

export const DEMO_PASSWORD_DEFAULT = "demo-rights-2026";

type DemoOrg = { key: string; name: string; kind: OrgKind; homeCountry: string };
type DemoUser = { email: string; name: string; memberships: { org: string; role: RoleName }[] };

export const DEMO_ORGS: DemoOrg[] = [
  { key: "platform", name: "Rightsbridge Platform", kind: "PLATFORM", homeCountry: "SG" },
  { key: "studioCn", name: "Jade Mountain Pictures", kind: "STUDIO", homeCountry: "CN" },
  { key: "studioKr", name: "Hanbit Story Studios", kind: "STUDIO", homeCountry: "KR" },
  { key: "partnerTh", name: "Siam Screen Distribution", kind: "PARTNER", homeCountry: "TH" },
  { key: "partnerBr", name: "Aurora Filmes", kind: "PARTNER", homeCountry: "BR" },
  { key: "facility", name: "Silk Road Export Finance", kind: "FACILITY", homeCountry: "CN" },
  { key: "programme", name: "Silk Road Screen Export Fund", kind: "PROGRAMME", homeCountry: "CN" },
];

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@demo.rightsbridge.test", name: "Platform Admin", memberships: [{ org: "platform", role: "OWNER" }] },
  { email: "studio@demo.rightsbridge.test", name: "Lin Wei", memberships: [{ org: "studioCn", role: "OWNER" }] },
  { email: "studio.kr@demo.rightsbridge.test", name: "Park Ji-woo", memberships: [{ org: "studioKr", role: "OWNER" }] },
  { email: "partner@demo.rightsbridge.test", name: "Somchai Rattanakorn", memberships: [{ org: "partnerTh", role: "OWNER" }] },
  { email: "partner.br@demo.rightsbridge.test", name: "Ana Souza", memberships: [{ org: "partnerBr", role: "OWNER" }] },
  // The facility's underwriter approves; the disbursement officer pays (four-eyes).
  { email: "finance@demo.rightsbridge.test", name: "Chen Mei (underwriter)", memberships: [{ org: "facility", role: "OWNER" }] },
  { email: "finance.ops@demo.rightsbridge.test", name: "Zhao Lei (disbursements)", memberships: [{ org: "facility", role: "MEMBER" }] },
  // The fund's reviewer takes applications into review; the owner decides (four-eyes) and pays.
  { email: "programme@demo.rightsbridge.test", name: "Wang Fang (fund director)", memberships: [{ org: "programme", role: "OWNER" }] },
  { email: "programme.review@demo.rightsbridge.test", name: "Liu Yang (reviewer)", memberships: [{ org: "programme", role: "MEMBER" }] },
];

/**
 * The demo organisations, their people and memberships; idempotent: every record is looked up by
 * its natural key first and created only when missing. Returns whether anything was created.
 */
/** Demo people are verified and joined their organisations before the demo year began (400 days ago). */
const DEMO_MEMBER_SINCE = new Date(Date.now() - 400 * 24 * 3600_000);

export async function seedOrganizations(): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT);
  let created = false;
  const orgIds = new Map<string, string>();

  await db.$transaction(
    async (tx) => {
      for (const o of DEMO_ORGS) {
        const existing = await tx.organization.findFirst({ where: { name: o.name, kind: o.kind }, select: { id: true } });
        if (existing) {
          orgIds.set(o.key, existing.id);
          continue;
        }
        const org = await tx.organization.create({ data: { name: o.name, kind: o.kind, homeCountry: o.homeCountry } });
        orgIds.set(o.key, org.id);
        created = true;
        await recordAudit(
          tx,
          { userId: null, apiKeyId: null, organizationId: org.id, requestId: "seed" },
          {
            action: "organization.seed",
            entityType: "Organization",
            entityId: org.id,
            partyOrgIds: [org.id],
            after: { name: org.name, kind: org.kind, homeCountry: org.homeCountry },
          },
        );
      }
      for (const u of DEMO_USERS) {
        const user =
          (await tx.user.findUnique({ where: { email: u.email }, select: { id: true } })) ??
          (await tx.user.create({
            data: { email: u.email, name: u.name, passwordHash, emailVerifiedAt: new Date() },
            select: { id: true },
          }));
        for (const m of u.memberships) {
          const organizationId = orgIds.get(m.org);
          if (!organizationId) throw new Error(`seed: unknown organisation ${m.org}`);
          const had = await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId } } });
          if (!had) {
            // Dated back past the facility's cooling period, so the demo officer can disburse at once.
            await tx.membership.create({ data: { userId: user.id, organizationId, role: m.role, createdAt: DEMO_MEMBER_SINCE } });
            created = true;
          }
        }
      }
    },
    { timeout: 60_000 },
  );
  return { created };
}

/**
 * The OWNER of a demo organisation (by its key in DEMO_ORGS), acting for it with requestId "seed":
 * the actor the other seeds write through the app's commands as. `seed` names the caller in errors.
 */
export async function demoOwner(key: string, seed: string): Promise<Actor> {
  const org = DEMO_ORGS.find((o) => o.key === key);
  const owner = DEMO_USERS.find((u) => u.memberships.some((m) => m.org === key && m.role === "OWNER"));
  if (!org || !owner) throw new Error(`${seed}: no demo organisation or owner for ${key}`);
  const row = await db.organization.findFirst({
    where: { name: org.name, kind: org.kind },
    select: { id: true, name: true, kind: true, homeCountry: true },
  });
  const user = await db.user.findUnique({ where: { email: owner.email }, select: { id: true } });
  if (!row || !user) throw new Error(`${seed}: run the demo seed first (${org.name} or ${owner.email} is missing)`);
  return createActor({ userId: user.id, apiKeyId: null, org: row, role: "OWNER", requestId: "seed" });
}
