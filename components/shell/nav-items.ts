import type { OrgKind, RoleName } from "@/lib/orgs/schema";

/** Keys of `nav.items` in the messages; also used as stable ids in tests. */
export type NavItemKey =
  | "dashboard"
  | "calendar"
  | "titles"
  | "catalogue"
  | "deals"
  | "avails"
  | "editRequests"
  | "statements"
  | "advances"
  | "programmes"
  | "outcomes"
  | "portfolio"
  | "facility"
  | "organizations"
  | "fxRates"
  | "jobs"
  | "outbox"
  | "organization"
  | "members"
  | "apiKeys"
  | "auditLog"
  | "profile";

export type NavGroupKey = "workspace" | "platform" | "settings";
export type NavGroup = { key: NavGroupKey; items: { key: NavItemKey; href: string }[] };

/** The one route table of the app's sections; pages for later features are built at these paths. */
export const NAV_HREF: Record<NavItemKey, string> = {
  dashboard: "/dashboard",
  calendar: "/obligations",
  titles: "/titles",
  catalogue: "/catalogue",
  deals: "/deals",
  avails: "/avails",
  editRequests: "/edit-requests",
  statements: "/statements",
  advances: "/advances",
  programmes: "/programmes",
  outcomes: "/outcomes",
  portfolio: "/portfolio",
  facility: "/facility",
  organizations: "/organizations",
  fxRates: "/fx-rates",
  jobs: "/platform/jobs",
  outbox: "/outbox",
  organization: "/settings/organization",
  members: "/settings/members",
  apiKeys: "/settings/api-keys",
  auditLog: "/settings/audit-log",
  profile: "/settings/profile",
};

const WORKSPACE: Record<OrgKind, NavItemKey[]> = {
  STUDIO: ["dashboard", "calendar", "titles", "deals", "avails", "editRequests", "statements", "advances", "programmes", "outcomes"],
  PARTNER: ["dashboard", "calendar", "catalogue", "deals", "avails", "editRequests", "statements", "outcomes"],
  FACILITY: ["dashboard", "calendar", "advances", "portfolio", "facility"],
  PLATFORM: ["dashboard", "calendar", "organizations", "outcomes", "fxRates"],
  PROGRAMME: ["dashboard", "programmes"],
};

/** Platform operations only its managers see (their pages check the permission again). */
const PLATFORM_MANAGED: NavItemKey[] = ["jobs", "outbox"];

/**
 * What the sidebar offers an organisation kind and role. Hiding an entry is a convenience, not
 * authorization: every page and action checks the permission table again on the server.
 */
export function navigationFor(kind: OrgKind, role: RoleName): NavGroup[] {
  const manages = role === "OWNER" || role === "ADMIN";
  const settings: NavItemKey[] = ["organization", "members", ...(manages ? (["apiKeys", "auditLog"] as const) : []), "profile"];
  const link = (key: NavItemKey) => ({ key, href: NAV_HREF[key] });
  return [
    {
      key: kind === "PLATFORM" ? "platform" : "workspace",
      items: [...WORKSPACE[kind], ...(kind === "PLATFORM" && manages ? PLATFORM_MANAGED : [])].map(link),
    },
    { key: "settings", items: settings.map(link) },
  ];
}

/** An entry is active on its own page and on every page below it (/deals/123 keeps "Deals" lit). */
export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
