"use client";

import { BellRing, LogOut, MonitorX, UserCog } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Link } from "@/components/ui/link";
import { cn, initials } from "@/lib/utils";
import { answeredNotOk } from "./switch-organization";

export type UserMenuProps = {
  user: { name: string; email: string };
  /** Server action that revokes every session of the user (bumps the session version). */
  logoutEverywhereAction: () => Promise<unknown>;
  className?: string;
};

export function UserMenu({ user, logoutEverywhereAction, className }: UserMenuProps) {
  const t = useTranslations("shell.userMenu");
  const [pending, startTransition] = useTransition();

  function logout() {
    startTransition(async () => {
      await signOut({ callbackUrl: "/login" });
    });
  }

  function logoutEverywhere() {
    startTransition(async () => {
      const result = await logoutEverywhereAction().catch(() => ({ ok: false }));
      if (answeredNotOk(result)) {
        toast.error(t("logoutEverywhereFailed"));
        return;
      }
      // The other sessions are now invalid server-side; this one also drops its cookie.
      await signOut({ callbackUrl: "/login" });
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={t("label")}
        data-testid="user-menu"
        disabled={pending}
        className={cn(
          "flex items-center gap-2 rounded-full outline-none transition-opacity focus-visible:ring-2 focus-visible:ring-ring/40 disabled:opacity-60",
          className,
        )}
      >
        <Avatar>
          <AvatarFallback>{initials(user.name || user.email)}</AvatarFallback>
        </Avatar>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-0.5 py-2 font-normal">
          <span className="text-xs text-muted-foreground">{t("signedInAs")}</span>
          <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/profile">
            <UserCog aria-hidden />
            {t("profile")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/notifications">
            <BellRing aria-hidden />
            {t("notifications")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={logout} disabled={pending}>
          <LogOut aria-hidden />
          {pending ? t("loggingOut") : t("logout")}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={logoutEverywhere} disabled={pending} variant="destructive" className="items-start">
          <MonitorX className="mt-0.5" aria-hidden />
          <span className="flex flex-col">
            <span>{t("logoutEverywhere")}</span>
            <span className="text-xs font-normal text-muted-foreground">{t("logoutEverywhereHint")}</span>
          </span>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
