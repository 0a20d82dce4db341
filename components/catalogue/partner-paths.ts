import { can } from "@/lib/auth/permissions";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";

/**
 * Issue 17 point 3: from a listed title's page, an organisation looking to license it goes on to
 * the avails of the title, a new deal with the title's studio (prefilled), or an edit-rights
 * request for the title (prefilled). Pure, so who sees which path is unit-tested; the page renders
 * the paths and the routes behind them check the permissions again.
 */
export type PartnerPath = { key: "checkAvails" | "proposeDeal" | "requestEdits"; href: string };

export function partnerPathsFor(
  title: { id: string; studioId: string; visibility: string; archivedAt: Date | string | null },
  viewer: { orgId: string; role: RoleName; orgKind: OrgKind },
): PartnerPath[] {
  if (title.studioId === viewer.orgId || title.visibility !== "LISTED" || title.archivedAt !== null) return [];
  const subject = { role: viewer.role, orgKind: viewer.orgKind };
  const id = encodeURIComponent(title.id);
  const paths: PartnerPath[] = [{ key: "checkAvails", href: `/avails?scope=${id}` }];
  if (can(subject, "deals.write"))
    paths.push({ key: "proposeDeal", href: `/deals/new?licensorId=${encodeURIComponent(title.studioId)}&titleId=${id}` });
  if (can(subject, "edits.request.write")) paths.push({ key: "requestEdits", href: `/edit-requests/new?title=${id}` });
  return paths;
}

/**
 * "New statement" on the statements list: the deals the organisation may report on (it is the
 * licensee of a SIGNED or EXPIRED deal and its role may submit statements), to choose from.
 */
export function reportableDeals<D extends { id: string; name: string; licenseeId: string; status: string }>(
  deals: readonly D[],
  viewer: { orgId: string; role: RoleName; orgKind: OrgKind },
): { id: string; name: string }[] {
  if (!can({ role: viewer.role, orgKind: viewer.orgKind }, "statements.submit")) return [];
  return deals
    .filter((d) => d.licenseeId === viewer.orgId && (d.status === "SIGNED" || d.status === "EXPIRED"))
    .map((d) => ({ id: d.id, name: d.name }));
}
