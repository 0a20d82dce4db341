"use client";

import { ChevronsUpDown } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useMemo, useState } from "react";
import { ComboboxButton, ListOption, ListSearch } from "@/components/forms/combobox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";
import { languageChoices } from "./language-choices";
import { languageLabel, parseLanguageTag } from "./languages";

export type LanguageSelectProps = Omit<React.ComponentProps<"button">, "value" | "onChange" | "onBlur"> & {
  /** A BCP 47 tag, e.g. "zh", "pt-BR". */
  value?: string | null;
  onValueChange: (tag: string) => void;
  onBlur?: () => void;
  /** Tags listed first (the languages of the catalogue); any other well-formed tag can be typed. */
  suggested: readonly string[];
};

/**
 * One language, chosen by its name in the UI language (issue 17 point 13: people pick "Korean",
 * not a "BCP 47 language tag"). Searching matches the name in either language and the tag; a tag
 * that is not listed can still be used ("Use “yue-HK”"). The trigger is labelable like the country
 * select's, so `<FormField label="Original language">` and `getByLabel` work.
 */
export function LanguageSelect({ value, onValueChange, onBlur, suggested, className, disabled, ...triggerProps }: LanguageSelectProps) {
  const locale = useLocale();
  const t = useTranslations("catalogue.form.languageSelect");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (tag: string) => `${baseId}-${tag}`;

  const choices = useMemo(() => languageChoices(suggested, value ?? null, query, locale), [suggested, value, query, locale]);
  const active = choices[Math.min(activeIndex, choices.length - 1)];

  function setOpenState(next: boolean) {
    setOpen(next);
    if (next) {
      setQuery("");
      setActiveIndex(0);
    } else onBlur?.();
  }
  function choose(tag: string) {
    onValueChange(tag);
    setOpenState(false);
  }
  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, choices.length - 1));
    setActiveIndex(next);
    const tag = choices[next]?.tag;
    if (tag) document.getElementById(optionId(tag))?.scrollIntoView({ block: "nearest" });
  }
  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") moveTo(activeIndex + 1);
    else if (event.key === "ArrowUp") moveTo(activeIndex - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(choices.length - 1);
    else if (event.key === "Enter" && active) choose(active.tag);
    else return;
    event.preventDefault();
  }
  const selectedTag = value ? (parseLanguageTag(value) ?? value) : null;

  return (
    <Popover open={open} onOpenChange={setOpenState}>
      <PopoverTrigger asChild>
        <ComboboxButton open={open} listId={listId} disabled={disabled} className={cn("h-9", className)} {...triggerProps}>
          {selectedTag ? (
            <span className="flex-1 truncate">{languageLabel(selectedTag, locale)}</span>
          ) : (
            <span className="flex-1 truncate text-muted-foreground/70">{t("placeholder")}</span>
          )}
          <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        </ComboboxButton>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-64 p-0">
        <ListSearch
          label={t("search")}
          listId={listId}
          activeId={active ? optionId(active.tag) : undefined}
          query={query}
          onQueryChange={(next) => {
            setQuery(next);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label={t("placeholder")} className="max-h-64 overflow-y-auto p-1">
          {choices.map((choice, index) => {
            const isSelected = choice.tag === selectedTag;
            return (
              <ListOption
                key={choice.tag}
                id={optionId(choice.tag)}
                selected={isSelected}
                active={choice === active}
                code={choice.tag}
                onHover={() => setActiveIndex(index)}
                onChoose={() => choose(choice.tag)}
              >
                {choice.custom ? t("useTag", { tag: choice.tag }) : choice.label}
              </ListOption>
            );
          })}
          {choices.length === 0 ? <div className="px-2 py-6 text-center text-sm text-muted-foreground">{t("empty", { query })}</div> : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
