"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { DEAL_STATUSES } from "@/lib/deals/schema";

const ALL = "all";

/** Status and role filters of the deal list, kept in the URL; a change starts again at the first page. */
export function DealListFilters() {
  const t = useTranslations("deals.list.filters");
  const tStatus = useTranslations("deals.status");
  const tRole = useTranslations("deals.role");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const statusId = useId();
  const roleId = useId();

  function set(key: "status" | "role", value: string) {
    const next = new URLSearchParams(params.toString());
    next.delete("cursor");
    if (value === ALL) next.delete(key);
    else next.set(key, value);
    const qs = next.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname));
  }

  return (
    <div className="flex flex-wrap items-center gap-4" aria-busy={pending || undefined}>
      <div className="flex items-center gap-2">
        <Label htmlFor={statusId} className="text-muted-foreground">
          {t("status")}
        </Label>
        <Select value={params.get("status") ?? ALL} onValueChange={(v) => set("status", v)} disabled={pending}>
          <SelectTrigger id={statusId} className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allStatuses")}</SelectItem>
            {DEAL_STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {tStatus(s)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex items-center gap-2">
        <Label htmlFor={roleId} className="text-muted-foreground">
          {t("role")}
        </Label>
        <Select value={params.get("role") ?? ALL} onValueChange={(v) => set("role", v)} disabled={pending}>
          <SelectTrigger id={roleId} className="w-56">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allRoles")}</SelectItem>
            <SelectItem value="LICENSOR">{tRole("LICENSOR")}</SelectItem>
            <SelectItem value="LICENSEE">{tRole("LICENSEE")}</SelectItem>
          </SelectContent>
        </Select>
      </div>
    </div>
  );
}
