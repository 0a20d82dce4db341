"use client";

import type * as React from "react";
import { CopyButton } from "@/components/common/copy-button";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/**
 * What a form dialog shows after success when the answer can be shown only once (an API key, an
 * invitation link: only their hashes are stored): the value, selected on focus, with a copy button.
 */
export function ShownOnce({
  title,
  description,
  label,
  value,
  copyLabel,
  doneLabel,
  onDone,
  notice,
  children,
  another,
  testId,
}: {
  title: React.ReactNode;
  description: React.ReactNode;
  label: React.ReactNode;
  value: string;
  copyLabel: string;
  doneLabel: React.ReactNode;
  onDone: () => void;
  /** Above the value, e.g. a warning that it is shown once. */
  notice?: React.ReactNode;
  /** Under the value, e.g. how to try it. */
  children?: React.ReactNode;
  /** A button on the left of the footer, e.g. "Invite another". */
  another?: React.ReactNode;
  testId?: string;
}) {
  const actions = (
    <>
      <CopyButton value={value} label={copyLabel} size="default" />
      <Button onClick={onDone}>{doneLabel}</Button>
    </>
  );
  return (
    <>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      {notice}
      <FormField label={label}>
        <Input readOnly value={value} data-testid={testId} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      </FormField>
      {children}
      {another ? (
        <DialogFooter className="sm:justify-between">
          {another}
          <div className="flex flex-col-reverse gap-2 sm:flex-row">{actions}</div>
        </DialogFooter>
      ) : (
        <DialogFooter>{actions}</DialogFooter>
      )}
    </>
  );
}
