"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormGetValues, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import { useActionError } from "./action-error";
import { callAction, type NoAnswer } from "./call-action";
import { type CodedError, type FieldPlacement, planRefusal, refreshesOn } from "./field-errors";
import { useErrorText } from "./use-error-text";

/** What a server action answers: `ActionResult`, or a refusal carrying more (limits breached, conflicts). */
export type Refusal = { ok: false; reason: string; message: string; fieldErrors?: Record<string, string[]>; errors?: CodedError[] };
type Answer = { ok: true; data: unknown } | Refusal;
type DataOf<R> = R extends { ok: true; data: infer D } ? D : never;
type RefusalOf<R> = Exclude<R, { ok: true }> | NoAnswer;

export type ServerFields<V extends FieldValues> = {
  form: { setError: UseFormSetError<V>; getValues: UseFormGetValues<V> };
  /** The form path of each server error path, or null when no field shows it. */
  at: FieldPlacement;
  /**
   * The words a field shows for the server's messages (`value`: the field's current value).
   * Default: the server's own wording; `undefined`: the field's translated rule instead.
   */
  text?: (path: string, messages: string[], value: unknown) => string | undefined;
};

export type ActionFormOptions<V extends FieldValues, R extends Answer> = {
  /** Where the server's field errors land (`setError`); without it they join the form's alert. */
  fields?: ServerFields<V>;
  /** The form's own words for some refusals (reason → message); others get the shared translation. */
  reasons?: Partial<Record<string, string>>;
  /** Refusals after which the page reloads (the record changed meanwhile); `true`: every refusal. */
  refreshOn?: readonly string[] | true;
  /** Where the refusal's messages show: the form's alert (`formError`, default) or an error toast. */
  refusalIn?: "alert" | "toast";
  /** A refusal the form shows its own way (breached limits, a stale banner): return true when handled. */
  onRefused?: (refusal: RefusalOf<R>) => boolean | undefined;
};

export type SubmitOptions<D> = {
  /**
   * The alert's messages for a refusal, given what no field shows (`rest`); default: the refusal
   * in the UI language (or the form's `reasons`), then `rest`, or nothing when every error found its field.
   */
  messages?: (refusal: Refusal, rest: string[]) => string[] | null;
  /** The success toast. */
  success?: string | ((data: D) => string | undefined);
  /** After success, e.g. close the dialog or go to the new record. */
  onSuccess?: (data: D) => void;
  /** Reload the page's server data after success (default true). */
  refresh?: boolean;
};

/**
 * One server action behind a form: pending state, the form-level error, server field errors put
 * on their fields with `setError` (the first one focused), the success toast and the refresh.
 * A thrown action is logged and shown as the generic error (`callAction`).
 *
 *   const action = useActionForm<Values, Result>({ fields: { form, at: fieldsNamed(["reason"]) } });
 *   const onSubmit = form.handleSubmit((v) => action.submit(() => save(v), { success: t("saved") }));
 */
export function useActionForm<V extends FieldValues = FieldValues, R extends Answer = Answer>(options: ActionFormOptions<V, R> = {}) {
  const router = useRouter();
  const actionError = useActionError();
  const errorText = useErrorText();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string[] | null>(null);

  function refused(result: RefusalOf<R>, messagesOf?: SubmitOptions<unknown>["messages"]) {
    const { fields, reasons, refreshOn, refusalIn, onRefused } = options;
    if (refreshesOn(result.reason, refreshOn)) router.refresh();
    if (onRefused?.(result)) return;
    // Coded field errors are said in the viewer's language, unless the form words its fields itself.
    const coded = "errors" in result && result.errors && !fields?.text ? result.errors : undefined;
    const plan = planRefusal(coded ? { fieldErrors: errorText.fields(coded) } : result, {
      at: fields ? fields.at : () => null,
      lead: reasons?.[result.reason] ?? actionError(result),
      text: fields?.text && ((path, messages, field) => fields.text?.(path, messages, fields.form.getValues(field as Path<V>))),
      messages: messagesOf && ((rest) => messagesOf(result, rest)),
    });
    plan.fieldErrors.forEach(({ field, error }, index) => {
      fields?.form.setError(field as Path<V>, error, { shouldFocus: index === 0 });
    });
    if (refusalIn === "toast") {
      if (plan.messages) toast.error(plan.messages.join(" "));
    } else setFormError(plan.messages);
  }

  async function submit<A extends R>(run: () => Promise<A>, then: SubmitOptions<DataOf<A>> = {}): Promise<A | NoAnswer> {
    setFormError(null);
    setPending(true);
    const result = await callAction(run).finally(() => setPending(false));
    // `ok` splits the answer, but TypeScript does not narrow a type parameter by it: the casts say so.
    if (!result.ok) {
      refused(result as RefusalOf<R>, then.messages);
      return result;
    }
    const data = (result as { ok: true; data: DataOf<A> }).data;
    const success = typeof then.success === "function" ? then.success(data) : then.success;
    if (success) toast.success(success);
    then.onSuccess?.(data);
    if (then.refresh !== false) router.refresh();
    return result;
  }

  return {
    pending,
    /** Messages for the alert above the buttons (null: none). */
    formError,
    setFormError: (message: string | string[] | null) => setFormError(typeof message === "string" ? [message] : message),
    /** Forget the last refusal (a dialog opening afresh). */
    clear: () => setFormError(null),
    submit,
  };
}
