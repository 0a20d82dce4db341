"use client";

import { Search } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import type { MediaOption, TerritoryOption } from "@/components/deals/options";
import { MediaRightsPicker, TerritoryPicker } from "@/components/deals/pickers";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { type AvailsFilterValues, availsSearch } from "./search";

export type ScopeOptions = {
  allLabel: string;
  studios: { id: string; name: string }[];
  /** `seasons`: the season numbers of a series title (empty for other titles). */
  titles: { id: string; label: string; studio: string; seasons: number[] }[];
};

/**
 * The avails question: which titles, where, which media, when, exclusively or not. Kept in the
 * URL, so an answer can be bookmarked and shared; the page answers on the server.
 */
export function AvailsFilters({
  initial,
  scopes,
  territories,
  media,
}: {
  initial: AvailsFilterValues;
  scopes: ScopeOptions;
  territories: TerritoryOption[];
  media: MediaOption[];
}) {
  const t = useTranslations("deals.avails.filters");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [v, setV] = useState(initial);
  const scopeId = useId();
  const set = <K extends keyof AvailsFilterValues>(key: K, value: AvailsFilterValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const studios = [...new Set(scopes.titles.map((x) => x.studio))];
  const seasons = scopes.titles.find((x) => x.id === v.scope)?.seasons ?? [];
  const seasonId = `${scopeId}-season`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(() => router.push(`${pathname}?${availsSearch(v)}`));
  }

  return (
    <Card>
      <CardContent>
        <form onSubmit={submit} className="grid gap-4" aria-busy={pending || undefined}>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[minmax(0,1.3fr)_minmax(0,1.2fr)_minmax(0,1.2fr)]">
            <div className="grid gap-1.5">
              <Label htmlFor={scopeId}>{t("titles")}</Label>
              <Select value={v.scope} onValueChange={(s) => setV((old) => ({ ...old, scope: s, season: undefined }))}>
                <SelectTrigger id={scopeId}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="all">{scopes.allLabel}</SelectItem>
                  {scopes.studios.map((s) => (
                    <SelectItem key={s.id} value={`studio:${s.id}`}>
                      {t("allOfStudio", { studio: s.name })}
                    </SelectItem>
                  ))}
                  {studios.map((studio) => (
                    <SelectGroup key={studio}>
                      <SelectLabel>{studio}</SelectLabel>
                      {scopes.titles
                        .filter((x) => x.studio === studio)
                        .map((x) => (
                          <SelectItem key={x.id} value={x.id}>
                            {x.label}
                          </SelectItem>
                        ))}
                    </SelectGroup>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <FormField label={t("territories")}>
              <TerritoryPicker
                territories={territories}
                value={v.territories}
                onValueChange={(x) => set("territories", x)}
                placeholder={t("worldwide")}
              />
            </FormField>
            <FormField label={t("media")}>
              <MediaRightsPicker
                media={media}
                value={v.mediaRights}
                onValueChange={(x) => set("mediaRights", x)}
                placeholder={t("allMedia")}
              />
            </FormField>
          </div>
          <div className="flex flex-wrap items-end gap-4">
            {seasons.length > 0 ? (
              <div className="grid gap-1.5">
                <Label htmlFor={seasonId}>{t("season")}</Label>
                <Select
                  value={v.season === undefined ? "all" : String(v.season)}
                  onValueChange={(x) => set("season", x === "all" ? undefined : Number(x))}
                >
                  <SelectTrigger id={seasonId} className="w-44">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="all">{t("allSeasons")}</SelectItem>
                    {seasons.map((n) => (
                      <SelectItem key={n} value={String(n)}>
                        {t("seasonN", { number: n })}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </div>
            ) : null}
            <FormField label={t("start")}>
              <Input type="date" value={v.start} onChange={(e) => set("start", e.target.value)} className="w-44" required />
            </FormField>
            <FormField label={t("end")}>
              <Input type="date" value={v.end} onChange={(e) => set("end", e.target.value)} className="w-44" required />
            </FormField>
            <FormField label={t("exclusivity")}>
              <RadioGroup
                value={v.exclusive ? "true" : "false"}
                onValueChange={(x) => set("exclusive", x === "true")}
                className="flex h-9 items-center gap-4"
              >
                <span className="flex items-center gap-2">
                  <RadioGroupItem value="true" id={`${scopeId}-x`} />
                  <Label htmlFor={`${scopeId}-x`} className="font-normal">
                    {t("exclusive")}
                  </Label>
                </span>
                <span className="flex items-center gap-2">
                  <RadioGroupItem value="false" id={`${scopeId}-nx`} />
                  <Label htmlFor={`${scopeId}-nx`} className="font-normal">
                    {t("nonExclusive")}
                  </Label>
                </span>
              </RadioGroup>
            </FormField>
            <Button type="submit" loading={pending} className="ml-auto">
              {pending ? null : <Search aria-hidden />}
              {t("submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
