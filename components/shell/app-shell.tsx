"use client";

import { Menu, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog as DialogPrimitive } from "radix-ui";
import type * as React from "react";
import { useState } from "react";
import { Logo } from "@/components/common/logo";
import { Button } from "@/components/ui/button";
import { TooltipProvider } from "@/components/ui/tooltip";
import { LocaleSwitcher } from "./locale-switcher";
import { Nav } from "./nav";
import { type OrgOption, OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

export type AppShellProps = {
  user: { name: string; email: string };
  /** Every organisation the user belongs to, with their role in it. */
  organizations: OrgOption[];
  /** The session's active organisation; it decides the navigation. */
  activeOrganization: OrgOption;
  /** Optional: defaults to updating the next-auth session (see OrgSwitcher). */
  switchOrgAction?: (orgId: string) => Promise<unknown>;
  logoutEverywhereAction: () => Promise<unknown>;
  /** Optional content for the left of the top bar, e.g. breadcrumbs or a search box. */
  topBar?: React.ReactNode;
  /** The notification bell, next to the language switcher. */
  notifications?: React.ReactNode;
  children: React.ReactNode;
};

function SidebarContent({
  organizations,
  activeOrganization,
  switchOrgAction,
  onNavigate,
  inDrawer = false,
}: Pick<AppShellProps, "organizations" | "activeOrganization" | "switchOrgAction"> & {
  onNavigate?: () => void;
  inDrawer?: boolean;
}) {
  return (
    <div className="flex h-full flex-col">
      {/* In the drawer, leave room on the right for its close button. */}
      <div className={inDrawer ? "py-3 pr-11 pl-3" : "p-3"}>
        <OrgSwitcher organizations={organizations} activeId={activeOrganization.id} switchAction={switchOrgAction} />
      </div>
      <div className="flex-1 overflow-y-auto px-3 pt-2 pb-4">
        <Nav kind={activeOrganization.kind} role={activeOrganization.role} onNavigate={onNavigate} />
      </div>
      <div className="border-t border-sidebar-border px-4 py-3">
        <Logo className="opacity-80 [&_svg]:size-5 [&>span:last-child]:text-[13px]" />
      </div>
    </div>
  );
}

/**
 * The signed-in frame: a sidebar (organisation switcher + navigation for the active organisation's
 * kind and role) and a top bar (language, account). On small screens the sidebar becomes a drawer.
 */
export function AppShell({
  user,
  organizations,
  activeOrganization,
  switchOrgAction,
  logoutEverywhereAction,
  topBar,
  notifications,
  children,
}: AppShellProps) {
  const t = useTranslations("nav");
  const [drawerOpen, setDrawerOpen] = useState(false);
  const sidebar = { organizations, activeOrganization, switchOrgAction };

  return (
    <TooltipProvider>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-sm text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("skipToContent")}
      </a>
      <div className="min-h-dvh bg-canvas">
        <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 border-r border-sidebar-border bg-sidebar lg:block">
          <SidebarContent {...sidebar} />
        </aside>

        <DialogPrimitive.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
          <DialogPrimitive.Portal>
            <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-foreground/30 data-[state=open]:animate-fade-in data-[state=closed]:animate-fade-out lg:hidden" />
            <DialogPrimitive.Content
              aria-describedby={undefined}
              className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] border-r bg-sidebar shadow-xl outline-none data-[state=open]:animate-slide-in-left data-[state=closed]:animate-slide-out-left lg:hidden"
            >
              <DialogPrimitive.Title className="sr-only">{t("label")}</DialogPrimitive.Title>
              <DialogPrimitive.Close className="absolute top-5 right-3 rounded-md p-1.5 text-muted-foreground hover:bg-muted">
                <XIcon className="size-4" aria-hidden />
                <span className="sr-only">{t("closeMenu")}</span>
              </DialogPrimitive.Close>
              <SidebarContent {...sidebar} inDrawer onNavigate={() => setDrawerOpen(false)} />
            </DialogPrimitive.Content>
          </DialogPrimitive.Portal>
        </DialogPrimitive.Root>

        <div className="flex min-h-dvh flex-col lg:pl-64">
          <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b bg-background/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/70 lg:px-8">
            <Button
              variant="ghost"
              size="icon-sm"
              className="-ml-1 lg:hidden"
              aria-label={t("openMenu")}
              onClick={() => setDrawerOpen(true)}
            >
              <Menu aria-hidden />
            </Button>
            <div className="min-w-0 flex-1">{topBar}</div>
            <div className="flex items-center gap-1.5">
              {notifications}
              <LocaleSwitcher />
              <UserMenu user={user} logoutEverywhereAction={logoutEverywhereAction} className="ml-1" />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none lg:px-8 lg:py-8">
            {children}
          </main>
        </div>
      </div>
    </TooltipProvider>
  );
}
