"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ENTITY_TYPES } from "./present";

const ALL = "all";

/** Filters the audit log by record type through the URL (`?entityType=`), starting again from the newest entry. */
export function EntityTypeFilter({ value }: { value: string | null }) {
  const t = useTranslations("auditLog");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const id = useId();

  function choose(next: string) {
    const query = next === ALL ? "" : `?entityType=${encodeURIComponent(next)}`;
    startTransition(() => router.push(`${pathname}${query}`));
  }

  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="text-muted-foreground">
        {t("filter.label")}
      </Label>
      <Select value={value ?? ALL} onValueChange={choose} disabled={pending}>
        <SelectTrigger id={id} className="w-48" aria-busy={pending || undefined}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{t("filter.all")}</SelectItem>
          {ENTITY_TYPES.map((type) => (
            <SelectItem key={type} value={type}>
              {t(`entityTypes.${type}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
