"use client";

import type * as React from "react";
import { type Control, Controller, type FieldValues, type Path, type RefCallBack } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export type SelectOption = { value: string; label: React.ReactNode };

export type SimpleSelectProps = Omit<React.ComponentProps<typeof SelectTrigger>, "value" | "defaultValue" | "children"> & {
  value: string | undefined;
  onValueChange: (value: string) => void;
  options: SelectOption[];
  placeholder?: React.ReactNode;
  name?: string;
};

/**
 * A select over a short fixed list. Props other than the value go to the trigger (the focusable
 * combobox), so `<FormField>` can label it and `getByLabel(...)` / `getByRole("combobox", { name })` find it.
 */
export function SimpleSelect({ value, onValueChange, options, placeholder, name, disabled, ...triggerProps }: SimpleSelectProps) {
  return (
    <Select value={value} onValueChange={onValueChange} name={name} disabled={disabled}>
      <SelectTrigger {...triggerProps}>
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export type SelectFieldProps<V extends FieldValues, T extends FieldValues> = {
  control: Control<V, unknown, T>;
  name: Path<V>;
  label: React.ReactNode;
  description?: React.ReactNode;
  hint?: React.ReactNode;
  /** The field's error in the UI language (from `useFieldError`). */
  error?: string;
  className?: string;
  options: SelectOption[];
  placeholder?: React.ReactNode;
  disabled?: boolean;
  /** The option standing for an empty value (e.g. "any version"): choosing it stores null. */
  nullOption?: string;
  /** Runs after a choice, e.g. to clear a field that depends on this one. */
  onChosen?: (value: string) => void;
};

/** A labelled select bound to a react-hook-form field: FormField + Controller + SimpleSelect. */
export function SelectField<V extends FieldValues, T extends FieldValues>({
  control,
  name,
  label,
  description,
  hint,
  error,
  className,
  options,
  placeholder,
  disabled,
  nullOption,
  onChosen,
}: SelectFieldProps<V, T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormField label={label} description={description} hint={hint} error={error} className={className}>
          <SimpleSelect
            ref={field.ref}
            name={field.name}
            value={typeof field.value === "string" && field.value !== "" ? field.value : nullOption}
            onValueChange={(value) => {
              field.onChange(value === nullOption ? null : value);
              onChosen?.(value);
            }}
            onBlur={field.onBlur}
            placeholder={placeholder}
            disabled={disabled}
            options={options}
          />
        </FormField>
      )}
    />
  );
}

/** What a list control (MultiSelect, a picker) takes from its react-hook-form field. */
export type ListControlProps = {
  ref: RefCallBack;
  value: string[];
  onValueChange: (value: string[]) => void;
  onBlur: () => void;
};

/**
 * A labelled list control bound to a react-hook-form field whose value is a list of codes
 * (territories, media rights, languages): `{(list) => <TerritoryPicker {...list} territories={…} />}`.
 */
export function ListField<V extends FieldValues, T extends FieldValues>({
  control,
  name,
  label,
  description,
  hint,
  error,
  className,
  children,
}: Pick<SelectFieldProps<V, T>, "control" | "name" | "label" | "description" | "hint" | "error" | "className"> & {
  children: (list: ListControlProps) => React.ReactElement;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormField label={label} description={description} hint={hint} error={error} className={className}>
          {children({
            ref: field.ref,
            value: Array.isArray(field.value) ? field.value : [],
            onValueChange: field.onChange,
            onBlur: field.onBlur,
          })}
        </FormField>
      )}
    />
  );
}
