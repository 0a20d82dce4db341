import type { FieldRules } from "@/components/forms/field-errors";

/**
 * How the edit-rights forms name their field errors in `edits.validation`: each field by its own
 * key (the type checker holds callers to them), and too long a text by its own sentence.
 */
export const editsFieldRules = {
  refine: (_path, error) => (error.type === "too_big" ? "tooLong" : undefined),
} satisfies Omit<FieldRules, "ruleOf">;
