import type * as React from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** The alert above a form's buttons: the refusal, then the server's messages no field shows. */
export function FormAlert({
  messages,
  title,
  className,
}: {
  messages: readonly string[] | string | null | undefined;
  title?: React.ReactNode;
  className?: string;
}) {
  const list = typeof messages === "string" ? [messages] : (messages ?? []);
  if (list.length === 0) return null;
  return (
    <Alert variant="destructive" className={className}>
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      <AlertDescription>
        {list.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </AlertDescription>
    </Alert>
  );
}

/** The errors of one row of a line editor (an instalment, a holdback), under the row's inputs. */
export function RowError({ messages }: { messages: (string | undefined)[] }) {
  const shown = messages.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <p className="text-xs font-medium text-destructive" role="alert">
      {shown.join(" ")}
    </p>
  );
}
