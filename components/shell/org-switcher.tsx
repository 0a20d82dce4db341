"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import { cn, initials } from "@/lib/utils";
import { answeredNotOk, switchOrganizationInSession } from "./switch-organization";

export type OrgOption = { id: string; name: string; kind: OrgKind; role: RoleName };

export type OrgSwitcherProps = {
  organizations: OrgOption[];
  activeId: string;
  /**
   * Makes `orgId` the session's active organisation (a server action, say). Defaults to updating
   * the next-auth session, whose jwt callback re-checks the membership. `{ ok: false }` or a throw
   * shows an error and stays put.
   */
  switchAction?: (orgId: string) => Promise<unknown>;
  className?: string;
};

const TILE: Record<OrgKind, string> = {
  STUDIO: "bg-primary text-primary-foreground",
  PARTNER: "bg-brand-teal text-white",
  FACILITY: "bg-warning text-warning-foreground",
  PROGRAMME: "bg-success text-white",
  PLATFORM: "bg-foreground text-background",
};

function OrgTile({ org, className }: { org: Pick<OrgOption, "name" | "kind">; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("flex size-7 shrink-0 items-center justify-center rounded-md text-xs font-semibold", TILE[org.kind], className)}
    >
      {initials(org.name)}
    </span>
  );
}

export function OrgSwitcher({ organizations, activeId, switchAction = switchOrganizationInSession, className }: OrgSwitcherProps) {
  const t = useTranslations("shell.orgSwitcher");
  const tRole = useTranslations("role");
  const tKind = useTranslations("orgKind");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const active = organizations.find((o) => o.id === activeId) ?? organizations[0];

  function choose(org: OrgOption) {
    if (org.id === active?.id) return;
    startTransition(async () => {
      const result = await switchAction(org.id).catch(() => ({ ok: false }));
      if (answeredNotOk(result)) {
        toast.error(t("failed"));
        return;
      }
      toast.success(t("switched", { name: org.name }));
      // The page being viewed may belong to the previous organisation (and would now 404).
      router.push("/dashboard");
      router.refresh();
    });
  }

  if (!active) return null;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={t("label")}
        data-testid="org-switcher"
        disabled={pending}
        className={cn(
          "flex w-full items-center gap-2.5 rounded-lg p-1.5 text-left outline-none transition-colors hover:bg-sidebar-accent/70 focus-visible:ring-2 focus-visible:ring-ring/40 disabled:opacity-60 data-[state=open]:bg-sidebar-accent",
          className,
        )}
      >
        <OrgTile org={active} className="size-8" />
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="truncate text-sm font-semibold text-foreground">{active.name}</span>
          <span className="truncate text-xs text-muted-foreground">
            {pending ? t("switching") : `${tKind(active.kind)} · ${tRole(active.role)}`}
          </span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-64">
        <DropdownMenuLabel>{t("heading")}</DropdownMenuLabel>
        {organizations.map((org) => (
          <DropdownMenuItem
            key={org.id}
            onSelect={() => choose(org)}
            data-org-id={org.id}
            aria-current={org.id === active.id ? "true" : undefined}
            className="gap-2.5 py-2"
          >
            <OrgTile org={org} />
            <span className="flex min-w-0 flex-1 flex-col gap-0.5">
              <span className="truncate font-medium text-foreground">{org.name}</span>
              <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
                <OrgKindBadge kind={org.kind} className="px-1 py-0 text-[10px]" />
                {tRole(org.role)}
              </span>
            </span>
            {org.id === active.id ? <Check className="text-primary" aria-label={t("current")} /> : null}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
