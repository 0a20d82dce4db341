"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MessageSquare, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { type EditCommentData, editCommentSchema } from "@/lib/edits/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { cn, initials } from "@/lib/utils";
import { editsFieldRules } from "./field-rules";
import type { CommentView } from "./types";

export type CommentsProps = {
  requestId: string;
  comments: CommentView[];
  /** Absent when the viewer may not comment (a viewer role, or a draft the studio cannot see anyway). */
  commentAction?: (id: string, input: EditCommentData) => Promise<ActionResult<{ id: string }>>;
};

/** The thread between the partner and the studio, oldest first, with a form to add to it. */
export function Comments({ requestId, comments, commentAction }: CommentsProps) {
  const t = useTranslations("edits.comments");
  const fieldError = useFieldError("edits.validation", editsFieldRules);
  const format = useFormat();
  const hydrated = useHydrated();
  const form = useForm<{ body: string }, unknown, EditCommentData>({
    resolver: zodResolver(editCommentSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { body: "" },
  });
  const action = useActionForm({ fields: { form, at: fieldsNamed(["body"]) }, refusalIn: "toast" });

  const onSubmit = form.handleSubmit(async (data) => {
    if (!commentAction) return;
    await action.submit(() => commentAction(requestId, data), { success: t("posted"), onSuccess: () => form.reset({ body: "" }) });
  });

  return (
    <div className="grid gap-4">
      {comments.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <MessageSquare className="size-4" aria-hidden />
          {t("empty")}
        </p>
      ) : (
        <ol className="grid gap-3" aria-label={t("label")}>
          {comments.map((c) => (
            <li key={c.id} className={cn("flex gap-3", c.mine && "flex-row-reverse")} data-testid="comment">
              <Avatar className="size-8">
                <AvatarFallback className="text-[11px]">{initials(c.author ?? c.organization.name)}</AvatarFallback>
              </Avatar>
              <div className={cn("grid max-w-[85%] gap-1 rounded-lg border px-3 py-2", c.mine ? "bg-accent/50" : "bg-card")}>
                <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
                  <span className="font-medium text-foreground">{c.author ?? t("someone")}</span>
                  <span>{c.organization.name}</span>
                  <time dateTime={c.createdAt}>{format.dateTime(c.createdAt)}</time>
                </p>
                <p className="text-sm whitespace-pre-line break-words">{c.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {commentAction ? (
        <form onSubmit={onSubmit} noValidate className="grid gap-2">
          <FormField label={t("new")} error={fieldError("comment", form.formState.errors.body)}>
            <Textarea rows={3} disabled={!hydrated} placeholder={t("placeholder")} {...form.register("body")} />
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" size="sm" loading={form.formState.isSubmitting} disabled={!hydrated}>
              {form.formState.isSubmitting ? null : <Send aria-hidden />}
              {t("post")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
