"use client";

import { X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { SearchBox } from "@/components/catalogue/title-filters";
import { SimpleSelect } from "@/components/forms/select-field";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { DEAL_SORT_DEFAULT_ORDER, DEAL_SORTS, DEAL_STATUSES, type DealSort } from "@/lib/deals/schema";

const ALL = "all";
const KEYS = ["q", "status", "role", "counterpartyId", "titleId", "sort", "order"] as const;
type Key = (typeof KEYS)[number];

/**
 * Search, filters and sort of the deal list, kept in the URL; a change starts again at the first
 * page. Counterparties are the organisations the viewer has deals with.
 */
export function DealListFilters({ counterparties }: { counterparties: { id: string; name: string }[] }) {
  const t = useTranslations("deals.list.filters");
  const tStatus = useTranslations("deals.status");
  const tRole = useTranslations("deals.role");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const searchId = useId();

  function update(patch: Partial<Record<Key, string | null>>) {
    const next = new URLSearchParams(params.toString());
    next.delete("cursor");
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === "" || value === ALL) next.delete(key);
      else next.set(key, value);
    }
    const qs = next.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  const sort = (DEAL_SORTS as readonly string[]).includes(params.get("sort") ?? "") ? (params.get("sort") as DealSort) : "updated";
  const order = params.get("order") === "asc" || params.get("order") === "desc" ? params.get("order") : DEAL_SORT_DEFAULT_ORDER[sort];
  const sorts = DEAL_SORTS.flatMap((s) => (["asc", "desc"] as const).map((o) => ({ value: `${s}:${o}`, label: t(`sorts.${s}.${o}`) })));
  const filtered = ["q", "status", "role", "counterpartyId", "titleId"].some((k) => params.get(k));

  return (
    <search className="flex flex-wrap items-end gap-3" aria-busy={pending || undefined}>
      <div className="grid min-w-56 flex-1 gap-1.5">
        <Label htmlFor={searchId} className="text-xs text-muted-foreground">
          {t("search")}
        </Label>
        <SearchBox
          id={searchId}
          value={params.get("q") ?? ""}
          placeholder={t("searchPlaceholder")}
          onSearch={(q) => update({ q })}
          pending={pending}
        />
      </div>
      <Filter
        label={t("status")}
        value={params.get("status") ?? ALL}
        options={[{ value: ALL, label: t("allStatuses") }, ...DEAL_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))]}
        onChange={(status) => update({ status })}
      />
      <Filter
        label={t("role")}
        value={params.get("role") ?? ALL}
        options={[
          { value: ALL, label: t("allRoles") },
          { value: "LICENSOR", label: tRole("LICENSOR") },
          { value: "LICENSEE", label: tRole("LICENSEE") },
        ]}
        onChange={(role) => update({ role })}
      />
      <Filter
        label={t("counterparty")}
        value={params.get("counterpartyId") ?? ALL}
        options={[{ value: ALL, label: t("allCounterparties") }, ...counterparties.map((c) => ({ value: c.id, label: c.name }))]}
        onChange={(counterpartyId) => update({ counterpartyId })}
      />
      <Filter
        label={t("sort")}
        value={`${sort}:${order}`}
        options={sorts}
        onChange={(v) => {
          const [s, o] = v.split(":");
          update({
            sort: s === "updated" && o === "desc" ? null : (s ?? null),
            order: s === "updated" && o === "desc" ? null : (o ?? null),
          });
        }}
      />
      {filtered ? (
        <Button
          variant="ghost"
          size="sm"
          className="h-9"
          onClick={() => update({ q: null, status: null, role: null, counterpartyId: null, titleId: null })}
          disabled={pending}
        >
          <X aria-hidden />
          {t("clear")}
        </Button>
      ) : null}
    </search>
  );
}

function Filter({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <SimpleSelect id={id} className="w-full sm:w-44" value={value} onValueChange={onChange} options={options} />
    </div>
  );
}
