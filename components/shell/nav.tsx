"use client";

import {
  ArrowLeftRight,
  Award,
  Banknote,
  Building2,
  CalendarClock,
  CalendarRange,
  ChartPie,
  Clapperboard,
  FilePenLine,
  Handshake,
  KeyRound,
  Landmark,
  LayoutDashboard,
  Library,
  ListChecks,
  type LucideIcon,
  Mails,
  Receipt,
  ScrollText,
  TrendingUp,
  UserCog,
  Users,
} from "lucide-react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import { cn } from "@/lib/utils";
import { isActive, type NavItemKey, navigationFor } from "./nav-items";

const ICONS: Record<NavItemKey, LucideIcon> = {
  dashboard: LayoutDashboard,
  calendar: CalendarClock,
  titles: Clapperboard,
  catalogue: Library,
  deals: Handshake,
  avails: CalendarRange,
  editRequests: FilePenLine,
  statements: Receipt,
  advances: Banknote,
  programmes: Award,
  outcomes: TrendingUp,
  portfolio: ChartPie,
  facility: Landmark,
  organizations: Building2,
  fxRates: ArrowLeftRight,
  jobs: ListChecks,
  outbox: Mails,
  organization: Building2,
  members: Users,
  apiKeys: KeyRound,
  auditLog: ScrollText,
  profile: UserCog,
};

export type NavProps = {
  kind: OrgKind;
  role: RoleName;
  /** Called after a link is followed, e.g. to close the mobile drawer. */
  onNavigate?: () => void;
  className?: string;
};

export function Nav({ kind, role, onNavigate, className }: NavProps) {
  const pathname = usePathname() ?? "";
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("label")} className={cn("flex flex-col gap-6", className)}>
      {navigationFor(kind, role).map((group) => (
        <div key={group.key} className="flex flex-col gap-0.5">
          <h2 className="px-2.5 pb-1.5 text-[11px] font-semibold tracking-wider text-muted-foreground/80 uppercase">
            {t(`groups.${group.key}`)}
          </h2>
          <ul className="flex flex-col gap-0.5">
            {group.items.map((item) => {
              const Icon = ICONS[item.key];
              const active = isActive(pathname, item.href);
              return (
                <li key={item.key}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    data-nav={item.key}
                    className={cn(
                      "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-sidebar-foreground transition-colors hover:bg-sidebar-accent/70 hover:text-sidebar-accent-foreground",
                      active && "bg-sidebar-accent text-sidebar-accent-foreground",
                    )}
                  >
                    <Icon
                      className={cn(
                        "size-4 shrink-0 text-muted-foreground transition-colors group-hover:text-sidebar-accent-foreground",
                        active && "text-primary group-hover:text-primary",
                      )}
                      aria-hidden
                    />
                    <span className="truncate">{t(`items.${item.key}`)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
