"use client";

import { Check, Search } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * The search box at the top of a combobox's list (country select, multi-select). Focus stays in
 * it while arrow keys move through the options (`activeId` names the active one for assistive
 * technology); `children` go on its right, e.g. a "Clear" button.
 */
export function ListSearch({
  ref,
  label,
  listId,
  activeId,
  query,
  onQueryChange,
  onKeyDown,
  children,
}: {
  ref?: React.Ref<HTMLInputElement>;
  label: string;
  listId: string;
  activeId: string | undefined;
  query: string;
  onQueryChange: (query: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex items-center gap-2 border-b px-3">
      <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      <input
        ref={ref}
        type="text"
        autoComplete="off"
        aria-label={label}
        aria-controls={listId}
        aria-activedescendant={activeId}
        placeholder={label}
        value={query}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={onKeyDown}
        className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground/70"
      />
      {children}
    </div>
  );
}

/**
 * The button that opens a combobox's list (`PopoverTrigger asChild` wraps it). It takes the label
 * props, so `<FormField>` wires id and aria-* to it and `getByLabel` finds it.
 */
export function ComboboxButton({ open, listId, className, ...props }: React.ComponentProps<"button"> & { open: boolean; listId: string }) {
  return (
    <button
      type="button"
      role="combobox"
      aria-expanded={open}
      aria-haspopup="listbox"
      aria-controls={open ? listId : undefined}
      className={cn(
        "flex w-full items-center gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs outline-none transition-[color,box-shadow,border-color] focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive data-[state=open]:border-ring",
        className,
      )}
      {...props}
    />
  );
}

/**
 * One option of a single-choice combobox list (country select, language select): a check mark when
 * selected, the label, and its code on the right. Focus stays in the search box
 * (aria-activedescendant); `tabIndex` and the key handler serve an option focused by other means.
 */
export function ListOption({
  id,
  selected,
  active,
  code,
  onHover,
  onChoose,
  children,
}: {
  id: string;
  selected: boolean;
  active: boolean;
  code: string;
  onHover: () => void;
  onChoose: () => void;
  children: React.ReactNode;
}) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      data-active={active ? "" : undefined}
      onMouseMove={onHover}
      onClick={onChoose}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onChoose();
        }
      }}
      className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none data-[active]:bg-muted"
    >
      <Check className={cn("size-4 shrink-0 text-primary", !selected && "invisible")} aria-hidden />
      <span className="flex-1 truncate">{children}</span>
      <span className="font-mono text-[11px] text-muted-foreground" aria-hidden>
        {code}
      </span>
    </div>
  );
}
