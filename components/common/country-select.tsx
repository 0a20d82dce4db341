"use client";

import { ChevronsUpDown } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useMemo, useState } from "react";
import { ComboboxButton, ListOption, ListSearch } from "@/components/forms/combobox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { countryOptions, matchesCountry } from "@/lib/i18n/countries";
import { cn } from "@/lib/utils";

export type CountrySelectProps = Omit<React.ComponentProps<"button">, "value" | "onChange" | "onBlur"> & {
  /** ISO 3166-1 alpha-2 code, e.g. "TH". */
  value?: string | null;
  onValueChange: (code: string) => void;
  /** Called when the list closes, so react-hook-form can mark the field as touched. */
  onBlur?: () => void;
  placeholder?: string;
};

/**
 * Searchable country picker (a combobox button + filterable listbox). Names follow the UI language;
 * typing the English name or the ISO code also works. Label it like any control: the trigger
 * button is labelable, so `<FormField label="Home country">` makes `getByLabel("Home country")` work.
 */
export function CountrySelect({ value, onValueChange, onBlur, placeholder, className, disabled, ...triggerProps }: CountrySelectProps) {
  const locale = useLocale();
  const t = useTranslations("auth.country");
  const options = useMemo(() => countryOptions(locale), [locale]);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (code: string) => `${baseId}-${code}`;

  const filtered = useMemo(() => options.filter((o) => matchesCountry(o, query)), [options, query]);
  const selected = value ? options.find((o) => o.code === value.toUpperCase()) : undefined;
  const active = filtered[Math.min(activeIndex, filtered.length - 1)];

  function setOpenState(next: boolean) {
    setOpen(next);
    if (next) {
      setQuery("");
      setActiveIndex(Math.max(0, selected ? options.indexOf(selected) : 0));
    } else {
      onBlur?.();
    }
  }

  function choose(code: string) {
    onValueChange(code);
    setOpenState(false);
  }

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, filtered.length - 1));
    setActiveIndex(next);
    const code = filtered[next]?.code;
    if (code) document.getElementById(optionId(code))?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") moveTo(activeIndex + 1);
    else if (event.key === "ArrowUp") moveTo(activeIndex - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(filtered.length - 1);
    else if (event.key === "Enter" && active) choose(active.code);
    else return;
    event.preventDefault();
  }

  return (
    <Popover open={open} onOpenChange={setOpenState}>
      <PopoverTrigger asChild>
        <ComboboxButton open={open} listId={listId} disabled={disabled} className={cn("h-9", className)} {...triggerProps}>
          {selected ? (
            <span className="flex-1 truncate">{selected.name}</span>
          ) : (
            <span className="flex-1 truncate text-muted-foreground/70">{placeholder ?? t("placeholder")}</span>
          )}
          <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        </ComboboxButton>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-64 p-0">
        <ListSearch
          label={t("search")}
          listId={listId}
          activeId={active ? optionId(active.code) : undefined}
          query={query}
          onQueryChange={(next) => {
            setQuery(next);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label={t("placeholder")} className="max-h-64 overflow-y-auto p-1">
          {filtered.map((option, index) => {
            const isSelected = option.code === selected?.code;
            return (
              <ListOption
                key={option.code}
                id={optionId(option.code)}
                selected={isSelected}
                active={option === active}
                code={option.code}
                onHover={() => setActiveIndex(index)}
                onChoose={() => choose(option.code)}
              >
                {option.name}
              </ListOption>
            );
          })}
          {filtered.length === 0 ? (
            <div className="px-2 py-6 text-center text-sm text-muted-foreground">{t("empty", { query })}</div>
          ) : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
