"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";
import { FormAlert } from "./form-alert";

/**
 * The open state of a form dialog and the props it shares with its `useActionForm`: pass
 * `{...dialog.props}` to `FormDialog`, and `dialog.close` as the action's `onSuccess`. Opening
 * forgets the last refusal and runs `onOpen` (reset the form to a fresh start).
 */
export function useFormDialog(
  action: { pending: boolean; formError: string[] | null; clear: () => void },
  onOpen?: () => void,
  /** Runs as the dialog closes, e.g. to forget a secret it showed. */
  onClose?: () => void,
) {
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    onClose?.();
  };
  return {
    open,
    close,
    props: {
      open,
      onOpenChange: (next: boolean) => (next ? setOpen(true) : close()),
      onOpen: () => {
        action.clear();
        onOpen?.();
      },
      pending: action.pending,
      formError: action.formError,
    },
  };
}

export type FormDialogProps = {
  /** The element that opens the dialog, usually a Button. */
  trigger: React.ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Runs as the dialog opens: start from a fresh form and no old error. */
  onOpen?: () => void;
  /** While the action runs the dialog stays open (a second click cannot send twice). */
  pending: boolean;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Width and other classes of the dialog box (default `max-w-lg`). */
  className?: string;
  /** Gap between the form's rows (default `gap-4`). */
  formClassName?: string;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => unknown;
  /** The form's alert, shown under the fields. */
  formError?: readonly string[] | string | null;
  submitLabel: React.ReactNode;
  /** Shown before the submit label when idle (the button shows a spinner while pending). */
  submitIcon?: React.ReactNode;
  /** The submit label while the action runs ("Saving…"). */
  pendingLabel?: React.ReactNode;
  submitVariant?: "default" | "destructive";
  submitDisabled?: boolean;
  /** The corner "Close" button (off where closing must be a deliberate Cancel). */
  showClose?: boolean;
  /** The alert above the fields instead of under them (short forms whose answer comes first). */
  errorFirst?: boolean;
  /** What the dialog shows instead of the form once the action has succeeded: a secret shown once, a link to pass on. */
  done?: React.ReactNode;
  onInteractOutside?: React.ComponentProps<typeof DialogContent>["onInteractOutside"];
  children: React.ReactNode;
};

/**
 * A form in a dialog: trigger, title, fields, the form's alert, Cancel and the submit button. The
 * state (open, pending, error) comes from the caller, who holds the form and its `useActionForm`.
 */
export function FormDialog({
  trigger,
  open,
  onOpenChange,
  onOpen,
  pending,
  title,
  description,
  className,
  formClassName,
  onSubmit,
  formError,
  submitLabel,
  submitIcon,
  pendingLabel,
  submitVariant = "default",
  submitDisabled,
  showClose,
  errorFirst,
  done,
  onInteractOutside,
  children,
}: FormDialogProps) {
  const t = useTranslations("common.actions");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (next) onOpen?.();
        onOpenChange(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={className ?? "max-w-lg"} showClose={showClose} onInteractOutside={onInteractOutside}>
        {done ?? (
          <form onSubmit={onSubmit} noValidate className={cn("grid", formClassName ?? "gap-4")}>
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              {description ? <DialogDescription>{description}</DialogDescription> : null}
            </DialogHeader>
            {errorFirst ? <FormAlert messages={formError} /> : null}
            {children}
            {errorFirst ? null : <FormAlert messages={formError} />}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                {t("cancel")}
              </Button>
              <Button type="submit" variant={submitVariant} loading={pending} disabled={submitDisabled}>
                {pending ? null : submitIcon}
                {pending ? (pendingLabel ?? submitLabel) : submitLabel}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
