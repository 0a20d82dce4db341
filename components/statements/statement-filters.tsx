"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { STATEMENT_STATUSES } from "@/lib/statements/schema";

const ALL = "all";

/** Deal, status and direction filters of the statement list, kept in the URL (a change starts at the first page). */
export function StatementFilters({ deals }: { deals: { id: string; name: string }[] }) {
  const t = useTranslations("statements.list.filters");
  const tStatus = useTranslations("statements.status");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const ids = { deal: useId(), status: useId(), role: useId() };

  function set(key: "deal" | "status" | "role", value: string) {
    const next = new URLSearchParams(params.toString());
    next.delete("cursor");
    if (value === ALL) next.delete(key);
    else next.set(key, value);
    const qs = next.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname));
  }

  const filter = (key: "deal" | "status" | "role", label: string, width: string, options: { value: string; label: string }[]) => (
    <div className="flex items-center gap-2">
      <Label htmlFor={ids[key]} className="text-muted-foreground">
        {label}
      </Label>
      <Select value={params.get(key) ?? ALL} onValueChange={(v) => set(key, v)} disabled={pending}>
        <SelectTrigger id={ids[key]} className={width}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{t("all")}</SelectItem>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );

  return (
    <div className="flex flex-wrap items-center gap-4" aria-busy={pending || undefined}>
      {filter(
        "deal",
        t("deal"),
        "w-64",
        deals.map((d) => ({ value: d.id, label: d.name })),
      )}
      {filter(
        "status",
        t("status"),
        "w-40",
        STATEMENT_STATUSES.map((s) => ({ value: s, label: tStatus(s) })),
      )}
      {filter("role", t("direction"), "w-56", [
        { value: "LICENSOR", label: t("received") },
        { value: "LICENSEE", label: t("sent") },
      ])}
    </div>
  );
}
