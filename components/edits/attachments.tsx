"use client";

import { Download, FileText, Paperclip, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { postFile } from "@/components/forms/post-file";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/lib/i18n/use-format";
import type { AttachmentView } from "./types";

export type AttachmentsProps = {
  requestId: string;
  attachments: AttachmentView[];
  /** Accepted content types with their short names, and the size limit in bytes. */
  limits: { types: Record<string, string>; maxBytes: number };
  mayUpload: boolean;
};

/** Storyboards, scripts and notes for the request: a list with downloads, and an upload within the limits. */
export function Attachments({ requestId, attachments, limits, mayUpload }: AttachmentsProps) {
  const t = useTranslations("edits.attachments");
  const format = useFormat();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const maxMb = format.number(limits.maxBytes / 1024 / 1024, { maximumFractionDigits: 1 });
  const typeNames = [...new Set(Object.values(limits.types))].join(", ");
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t("mb", { size: format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 }) })
      : t("kb", { size: format.number(Math.max(1, Math.round(bytes / 1024))) });

  async function upload(file: File) {
    setError(null);
    if (file.size > limits.maxBytes) return setError(t("tooLarge", { max: maxMb }));
    if (!(file.type in limits.types)) return setError(t("wrongType", { types: typeNames }));
    setUploading(true);
    const answer = await postFile(`/api/v1/edit-requests/${requestId}/attachments`, file);
    setUploading(false);
    if (input.current) input.current.value = "";
    if (!answer.ok) return setError(answer.problem?.detail ?? t("failed"));
    toast.success(t("uploaded", { name: file.name }));
    router.refresh();
  }

  return (
    <div className="grid gap-3">
      {attachments.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Paperclip className="size-4" aria-hidden />
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y rounded-lg border" aria-label={t("label")}>
          {attachments.map((a) => (
            <li key={a.id} className="flex items-center gap-3 px-3 py-2 text-sm" data-testid="attachment">
              <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium">{a.fileName}</span>
                <span className="text-xs text-muted-foreground">
                  {[size(a.sizeBytes), a.organization, a.uploadedBy, format.dateTime(a.createdAt)].filter(Boolean).join(" · ")}
                </span>
              </span>
              <Button asChild variant="ghost" size="sm">
                <a href={a.href} download={a.fileName} aria-label={t("download", { name: a.fileName })}>
                  <Download aria-hidden />
                </a>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {mayUpload ? (
        <div className="grid gap-1.5">
          <div>
            <input
              ref={input}
              type="file"
              className="sr-only"
              id={`attach-${requestId}`}
              accept={Object.keys(limits.types).join(",")}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
            <Button type="button" variant="outline" size="sm" loading={uploading} onClick={() => input.current?.click()}>
              {uploading ? null : <Upload aria-hidden />}
              {t("upload")}
            </Button>
          </div>
          <p className="text-xs text-muted-foreground">{t("limits", { types: typeNames, max: maxMb })}</p>
          {error ? (
            <p className="text-xs font-medium text-destructive" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
