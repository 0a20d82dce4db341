"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { SimpleSelect } from "@/components/forms/select-field";
import { Label } from "@/components/ui/label";
import { OBLIGATION_KINDS, OBLIGATION_SIDES, OBLIGATION_STATUSES } from "@/lib/obligations/schema";

const ALL = "all";
type Key = "kind" | "side" | "status";

/** The calendar's filters (kind, side, status), kept in the URL with its view and month. */
export function CalendarFilters() {
  const t = useTranslations("obligations");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  function update(key: Key, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value === ALL) next.delete(key);
    else next.set(key, value);
    const qs = next.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  const all = { value: ALL, label: t("filters.all") };
  return (
    <search className="flex flex-wrap items-end gap-3" aria-busy={pending || undefined}>
      <Filter
        label={t("filters.kind")}
        testId="filter-kind"
        value={params.get("kind") ?? ALL}
        options={[all, ...OBLIGATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        onChange={(v) => update("kind", v)}
      />
      <Filter
        label={t("filters.side")}
        testId="filter-side"
        value={params.get("side") ?? ALL}
        options={[all, ...OBLIGATION_SIDES.map((s) => ({ value: s, label: t(`sides.${s}`) }))]}
        onChange={(v) => update("side", v)}
      />
      <Filter
        label={t("filters.status")}
        testId="filter-status"
        value={params.get("status") ?? ALL}
        options={[all, ...OBLIGATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        onChange={(v) => update("status", v)}
      />
    </search>
  );
}

function Filter({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="grid gap-1.5" data-testid={testId}>
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <SimpleSelect id={id} className="w-full sm:w-48" value={value} onValueChange={onChange} options={options} />
    </div>
  );
}
