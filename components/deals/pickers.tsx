"use client";

import { ChevronsUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useMemo, useState } from "react";
import { MultiSelect, type MultiSelectProps } from "@/components/forms/multi-select";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";
import { expandMedia, type LanguageOption, leavesOf, type MediaOption, type TerritoryOption, toggleMedia } from "./options";

type PickerProps = Omit<MultiSelectProps, "options" | "groups" | "display">;

/** Countries, UN M49 regions and named groups (WORLDWIDE, SEA, LATAM, EU ...), any mix. */
export function TerritoryPicker({ territories, ...props }: PickerProps & { territories: TerritoryOption[] }) {
  const t = useTranslations("deals.picker");
  const options = useMemo(
    () =>
      territories.map((o) => ({
        value: o.code,
        label: o.name,
        group: o.type,
        hint:
          o.type === "COUNTRY"
            ? o.code
            : o.type === "GROUP"
              ? `${o.code} · ${t("countries", { count: o.count ?? 0 })}`
              : t("countries", { count: o.count ?? 0 }),
      })),
    [territories, t],
  );
  const groups = useMemo(
    () => [
      { key: "GROUP", label: t("groups") },
      { key: "REGION", label: t("regions") },
      { key: "COUNTRY", label: t("countryList") },
    ],
    [t],
  );
  return (
    <MultiSelect
      display="summary"
      options={options}
      groups={groups}
      placeholder={props.placeholder ?? t("territoriesPlaceholder")}
      {...props}
    />
  );
}

export function LanguagePicker({ languages, ...props }: PickerProps & { languages: LanguageOption[] }) {
  const t = useTranslations("deals.picker");
  const options = useMemo(
    () => languages.map((o) => ({ value: o.code, label: o.name, group: o.suggested ? "suggested" : "all", hint: o.code })),
    [languages],
  );
  const groups = useMemo(
    () => [
      { key: "suggested", label: t("suggestedLanguages") },
      { key: "all", label: t("allLanguages") },
    ],
    [t],
  );
  return (
    <MultiSelect
      display="summary"
      options={options}
      groups={groups}
      placeholder={props.placeholder ?? t("languagesPlaceholder")}
      {...props}
    />
  );
}

export type MediaPickerProps = Omit<React.ComponentProps<"button">, "value" | "onChange" | "onBlur"> & {
  value: string[];
  onValueChange: (value: string[]) => void;
  onBlur?: () => void;
  media: MediaOption[];
  placeholder?: string;
};

/**
 * The two-level media-rights tree: a parent covers all its children; ticking every child of a
 * parent sends the parent. The trigger is the labelable control, like the other pickers.
 */
export function MediaRightsPicker({
  value,
  onValueChange,
  onBlur,
  media,
  placeholder,
  className,
  disabled,
  ...triggerProps
}: MediaPickerProps) {
  const t = useTranslations("deals.picker");
  const [open, setOpen] = useState(false);
  const names = useMemo(() => {
    const m: Record<string, string> = {};
    for (const p of media) {
      m[p.code] = p.name;
      for (const c of p.children) m[c.code] = c.name;
    }
    return m;
  }, [media]);
  const leaves = useMemo(() => expandMedia(media, value), [media, value]);

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) onBlur?.();
      }}
    >
      <PopoverTrigger asChild>
        <button
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          disabled={disabled}
          className={cn(
            "flex min-h-9 w-full items-center gap-2 rounded-md border border-input bg-background px-3 py-1.5 text-left text-sm shadow-xs outline-none transition-[color,box-shadow,border-color] focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive data-[state=open]:border-ring",
            className,
          )}
          {...triggerProps}
        >
          {value.length === 0 ? (
            <span className="flex-1 truncate text-muted-foreground/70">{placeholder ?? t("mediaPlaceholder")}</span>
          ) : (
            <span className="flex min-w-0 flex-1 flex-wrap gap-1">
              {value.map((code) => (
                <span key={code} className="max-w-48 truncate rounded bg-muted px-1.5 py-0.5 text-xs font-medium">
                  {names[code] ?? code}
                </span>
              ))}
            </span>
          )}
          <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        </button>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-80 p-2">
        <div className="mb-1 flex items-center justify-between gap-2 px-1">
          <span className="text-xs font-medium text-muted-foreground">{t("mediaHint")}</span>
          <span className="flex gap-1">
            <button
              type="button"
              className="rounded px-1.5 py-0.5 text-xs text-muted-foreground hover:bg-muted hover:text-foreground"
              onClick={() => onValueChange(media.map((p) => p.code))}
            >
              {t("all")}
            </button>
            <button
              type="button"
              className="rounded px-1.5 py-0.5 text-xs text-muted-foreground hover:bg-muted hover:text-foreground"
              onClick={() => onValueChange([])}
            >
              {t("clear")}
            </button>
          </span>
        </div>
        <ul className="grid max-h-80 gap-0.5 overflow-y-auto">
          {media.map((parent) => {
            const ls = leavesOf(parent);
            const count = ls.filter((l) => leaves.has(l)).length;
            return (
              <li key={parent.code}>
                <TreeCheckbox
                  label={parent.name}
                  checked={count === ls.length}
                  indeterminate={count > 0 && count < ls.length}
                  onChange={() => onValueChange(toggleMedia(media, value, parent.code))}
                  strong
                />
                {parent.children.length > 0 ? (
                  <ul className="ml-6 grid gap-0.5 border-l pl-2">
                    {parent.children.map((child) => (
                      <li key={child.code}>
                        <TreeCheckbox
                          label={child.name}
                          checked={leaves.has(child.code)}
                          onChange={() => onValueChange(toggleMedia(media, value, child.code))}
                        />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </PopoverContent>
    </Popover>
  );
}

function TreeCheckbox({
  label,
  checked,
  indeterminate = false,
  onChange,
  strong = false,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: () => void;
  strong?: boolean;
}) {
  return (
    <label className="flex cursor-pointer items-center gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-muted">
      <input
        type="checkbox"
        className="size-4 accent-primary"
        checked={checked}
        ref={(el) => {
          if (el) el.indeterminate = indeterminate;
        }}
        onChange={onChange}
      />
      <span className={cn(strong && "font-medium")}>{label}</span>
    </label>
  );
}

/** A labelled native checkbox (no checkbox primitive in components/ui yet). */
export function CheckboxField({
  label,
  description,
  checked,
  onCheckedChange,
  disabled,
  name,
}: {
  label: React.ReactNode;
  description?: React.ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  name?: string;
}) {
  return (
    <label className={cn("flex items-start gap-2.5 text-sm", disabled ? "cursor-not-allowed opacity-60" : "cursor-pointer")}>
      <input
        type="checkbox"
        name={name}
        className="mt-0.5 size-4 shrink-0 accent-primary"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onCheckedChange(e.target.checked)}
      />
      <span className="grid gap-0.5">
        <span className="font-medium leading-5">{label}</span>
        {description ? <span className="text-xs text-muted-foreground">{description}</span> : null}
      </span>
    </label>
  );
}
