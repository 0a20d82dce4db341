import type { OrgKind, RoleName } from "@/lib/orgs/schema";

/**
 * The one permission table: which roles (and, where it matters, which kinds of organisation)
 * may take each action. Actions, route handlers and page loaders all ask `can()`; nothing relies
 * on a button being hidden or on middleware.
 */
const ALL_ROLES: readonly RoleName[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const MANAGERS: readonly RoleName[] = ["OWNER", "ADMIN"];
const WRITERS: readonly RoleName[] = ["OWNER", "ADMIN", "MEMBER"];

type Rule = { roles: readonly RoleName[]; kinds?: readonly OrgKind[] };

export const PERMISSIONS = {
  "org.read": { roles: ALL_ROLES },
  "org.members.read": { roles: ALL_ROLES },
  /** Invite people and revoke pending invitations. */
  "org.members.invite": { roles: MANAGERS },
  /** Change a member's role or remove a member. */
  "org.members.manage": { roles: ["OWNER"] },
  "org.apiKeys.manage": { roles: MANAGERS },
  /** Change the organisation's settings (its time zone). */
  "org.settings.manage": { roles: ["OWNER"] },
  "org.audit.read": { roles: MANAGERS },
  "org.write": { roles: WRITERS },
  "platform.organizations.manage": { roles: MANAGERS, kinds: ["PLATFORM"] },
  /** Platform → Jobs: queues, runs and failures of the background worker. */
  "platform.jobs.read": { roles: MANAGERS, kinds: ["PLATFORM"] },
  /** Read the e-mail outbox (every message the platform sent or holds, with its status). */
  "platform.outbox.read": { roles: MANAGERS, kinds: ["PLATFORM"] },
  /** Register and edit titles, versions, market tests, posters; import titles. */
  "catalogue.write": { roles: WRITERS, kinds: ["STUDIO"] },
  /** Draft deals, change terms and grants, propose. */
  "deals.write": { roles: WRITERS, kinds: ["STUDIO", "PARTNER"] },
  /** Sign or terminate a deal on the organisation's behalf. */
  "deals.sign": { roles: MANAGERS, kinds: ["STUDIO", "PARTNER"] },
  /** Record the rights a studio holds in its titles (chain of title). */
  "rights.manage": { roles: MANAGERS, kinds: ["STUDIO"] },
  /** Set a title's edit policy (a new policy version). */
  "edits.policy.write": { roles: WRITERS, kinds: ["STUDIO"] },
  /** Draft, change, submit and withdraw edit requests (partners). */
  "edits.request.write": { roles: WRITERS, kinds: ["PARTNER"] },
  /** Decide edit request items or ask for changes (studios). */
  "edits.decide": { roles: WRITERS, kinds: ["STUDIO"] },
  /** Comment on and attach files to an edit request (either party). */
  "edits.comment": { roles: WRITERS, kinds: ["STUDIO", "PARTNER"] },
  /** Submit revenue statements as licensee. */
  "statements.submit": { roles: WRITERS, kinds: ["STUDIO", "PARTNER"] },
  /** Accept or dispute statements, record receipts as licensor. */
  "statements.review": { roles: WRITERS, kinds: ["STUDIO", "PARTNER"] },
  /** Platform-wide outcomes: every studio's IP receipts and payments by home country. */
  "outcomes.platform": { roles: ALL_ROLES, kinds: ["PLATFORM"] },
  /** Enter or import dated FX rates. */
  "fx.manage": { roles: MANAGERS, kinds: ["PLATFORM"] },
  /** Apply for advances against the studio's own signed deals. */
  "advances.apply": { roles: WRITERS, kinds: ["STUDIO"] },
  /** Change facility settings. */
  "facility.manage": { roles: MANAGERS, kinds: ["FACILITY"] },
  /** Review, approve or decline applications; default and write off advances. */
  "facility.underwrite": { roles: WRITERS, kinds: ["FACILITY"] },
  /** Disburse approved advances (never the approver: four-eyes). */
  "facility.disburse": { roles: WRITERS, kinds: ["FACILITY"] },
  /** Define and change the organisation's export-outcome programmes. */
  "programmes.manage": { roles: MANAGERS, kinds: ["PROGRAMME"] },
  /** Review and decide applications (never the reviewer: four-eyes), pay out, claw back. */
  "programmes.review": { roles: WRITERS, kinds: ["PROGRAMME"] },
  /** Check eligibility and apply to programmes on the studio's behalf. */
  "programmes.apply": { roles: WRITERS, kinds: ["STUDIO"] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export function can(subject: { role: RoleName; orgKind: OrgKind }, permission: Permission): boolean {
  const rule: Rule = PERMISSIONS[permission];
  if (!rule.roles.includes(subject.role)) return false;
  return !rule.kinds || rule.kinds.includes(subject.orgKind);
}

/** Who may grant which role: an ADMIN may not create OWNERs (that would let them take over). */
export function canAssignRole(actorRole: RoleName, role: RoleName): boolean {
  if (actorRole === "OWNER") return true;
  if (actorRole === "ADMIN") return role !== "OWNER";
  return false;
}
