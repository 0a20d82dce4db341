"use client";

import { Check, ChevronsUpDown, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useMemo, useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

export type MultiOption = { value: string; label: string; group?: string; hint?: string };

export type MultiSelectProps = Omit<React.ComponentProps<"button">, "value" | "onChange" | "onBlur"> & {
  value: string[];
  onValueChange: (value: string[]) => void;
  onBlur?: () => void;
  options: MultiOption[];
  /** Group headings in display order (options carry the group key). */
  groups?: { key: string; label: string }[];
  placeholder?: string;
  /** How many chosen labels the trigger shows before "+N". */
  maxShown?: number;
};

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * A searchable multi-select (combobox button + filterable listbox of checkable options). The
 * trigger is the labelable control, so `<FormField label="Territories">` makes
 * `getByLabel("Territories")` find it; options are `role="option"` with `aria-selected`.
 */
export function MultiSelect({
  value,
  onValueChange,
  onBlur,
  options,
  groups,
  placeholder,
  maxShown = 4,
  className,
  disabled,
  ...triggerProps
}: MultiSelectProps) {
  const t = useTranslations("deals.picker");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const chosen = useMemo(() => new Set(value), [value]);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);

  const filtered = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return options;
    // Exact codes first, then names starting with the query: Enter takes the first row.
    const rank = (o: (typeof options)[number]) => (o.value.toLowerCase() === q ? 0 : fold(o.label).startsWith(q) ? 1 : 2);
    return options
      .filter((o) => fold(o.label).includes(q) || o.value.toLowerCase() === q || fold(o.hint ?? "").includes(q))
      .map((o, index) => ({ o, index, r: rank(o) }))
      .sort((a, b) => a.r - b.r || a.index - b.index)
      .map(({ o }) => o);
  }, [options, query]);

  function toggle(v: string) {
    onValueChange(chosen.has(v) ? value.filter((x) => x !== v) : [...value, v]);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, filtered.length - 1));
    else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
    else if (event.key === "Enter" && filtered[active]) toggle(filtered[active].value);
    else return;
    event.preventDefault();
    const next = filtered[event.key === "ArrowDown" ? Math.min(active + 1, filtered.length - 1) : Math.max(active - 1, 0)];
    if (next) document.getElementById(`${baseId}-${next.value}`)?.scrollIntoView({ block: "nearest" });
  }

  const shown = value.slice(0, maxShown).map((v) => byValue.get(v)?.label ?? v);
  const sections = groups ?? [{ key: "", label: "" }];

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setQuery("");
        setActive(0);
        if (!next) onBlur?.();
      }}
    >
      <PopoverTrigger asChild>
        <button
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-haspopup="listbox"
          aria-controls={open ? listId : undefined}
          disabled={disabled}
          className={cn(
            "flex min-h-9 w-full items-center gap-2 rounded-md border border-input bg-background px-3 py-1.5 text-left text-sm shadow-xs outline-none transition-[color,box-shadow,border-color] focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive data-[state=open]:border-ring",
            className,
          )}
          {...triggerProps}
        >
          {value.length === 0 ? (
            <span className="flex-1 truncate text-muted-foreground/70">{placeholder ?? t("placeholder")}</span>
          ) : (
            <span className="flex min-w-0 flex-1 flex-wrap gap-1">
              {shown.map((label, i) => (
                <span key={value[i]} className="max-w-48 truncate rounded bg-muted px-1.5 py-0.5 text-xs font-medium">
                  {label}
                </span>
              ))}
              {value.length > maxShown ? (
                <span className="rounded px-1 py-0.5 text-xs text-muted-foreground">{t("more", { count: value.length - maxShown })}</span>
              ) : null}
            </span>
          )}
          <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        </button>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-72 p-0">
        <div className="flex items-center gap-2 border-b px-3">
          <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <input
            type="text"
            autoComplete="off"
            aria-label={t("search")}
            aria-controls={listId}
            aria-activedescendant={filtered[active] ? `${baseId}-${filtered[active].value}` : undefined}
            placeholder={t("search")}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground/70"
          />
          {value.length > 0 ? (
            <button
              type="button"
              onClick={() => onValueChange([])}
              className="shrink-0 rounded px-1.5 py-0.5 text-xs text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              {t("clear")}
            </button>
          ) : null}
        </div>
        <div
          id={listId}
          role="listbox"
          aria-multiselectable="true"
          aria-label={placeholder ?? t("placeholder")}
          className="max-h-72 overflow-y-auto p-1"
        >
          {sections.map((section) => {
            const items = filtered.filter((o) => (o.group ?? "") === section.key);
            if (items.length === 0) return null;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an ARIA group of options inside a listbox, not a form fieldset.
              <div key={section.key || "all"} role="group" aria-label={section.label || undefined}>
                {section.label ? (
                  <div className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">
                    {section.label}
                  </div>
                ) : null}
                {items.map((option) => {
                  const isChosen = chosen.has(option.value);
                  const isActive = filtered[active]?.value === option.value;
                  return (
                    <div
                      key={option.value}
                      id={`${baseId}-${option.value}`}
                      role="option"
                      aria-selected={isChosen}
                      data-active={isActive ? "" : undefined}
                      tabIndex={-1}
                      onMouseMove={() => setActive(filtered.indexOf(option))}
                      onClick={() => toggle(option.value)}
                      onKeyDown={(event) => {
                        if (event.key === "Enter" || event.key === " ") {
                          event.preventDefault();
                          toggle(option.value);
                        }
                      }}
                      className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none data-[active]:bg-muted"
                    >
                      <span
                        className={cn(
                          "flex size-4 shrink-0 items-center justify-center rounded border border-input",
                          isChosen && "border-primary bg-primary text-primary-foreground",
                        )}
                        aria-hidden
                      >
                        {isChosen ? <Check className="size-3" /> : null}
                      </span>
                      <span className="flex-1 truncate">{option.label}</span>
                      {option.hint ? <span className="shrink-0 font-mono text-[11px] text-muted-foreground">{option.hint}</span> : null}
                    </div>
                  );
                })}
              </div>
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

/** Chosen values as removable chips (under a picker whose trigger only shows the first few). */
export function ChosenChips({
  value,
  labels,
  onRemove,
}: {
  value: string[];
  labels: Record<string, string>;
  onRemove: (v: string) => void;
}) {
  const t = useTranslations("deals.picker");
  if (value.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1">
      {value.map((v) => (
        <li key={v} className="flex items-center gap-1 rounded bg-muted py-0.5 pr-0.5 pl-1.5 text-xs">
          <span>{labels[v] ?? v}</span>
          <button
            type="button"
            onClick={() => onRemove(v)}
            aria-label={t("remove", { name: labels[v] ?? v })}
            className="rounded p-0.5 text-muted-foreground hover:bg-background hover:text-foreground"
          >
            <X className="size-3" aria-hidden />
          </button>
        </li>
      ))}
    </ul>
  );
}
