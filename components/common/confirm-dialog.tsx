"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export type ConfirmDialogProps = {
  /** The element that opens the dialog, usually a Button. */
  trigger: React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  confirmLabel: React.ReactNode;
  destructive?: boolean;
  /** Runs the action; return `false` to keep the dialog open (e.g. it showed an error toast). */
  onConfirm: () => unknown;
};

/** "Are you sure?" for revoking, removing and other actions people may regret. */
export function ConfirmDialog({ trigger, title, description, confirmLabel, destructive, onConfirm }: ConfirmDialogProps) {
  const t = useTranslations("common.actions");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await onConfirm();
      if (result !== false) setOpen(false);
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-md" showClose={false}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button variant={destructive ? "destructive" : "default"} onClick={confirm} loading={pending}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** A quiet trash button that asks before revoking something (an API key, an invitation). */
export function RevokeButton({
  label,
  confirmLabel,
  title,
  description,
  onConfirm,
}: {
  /** The button's accessible name, naming what is revoked. */
  label: string;
} & Pick<ConfirmDialogProps, "title" | "description" | "confirmLabel" | "onConfirm">) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={label} className="text-muted-foreground hover:text-destructive">
          <Trash2 aria-hidden />
          <span className="hidden sm:inline">{confirmLabel}</span>
        </Button>
      }
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      destructive
      onConfirm={onConfirm}
    />
  );
}
