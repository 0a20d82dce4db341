"use client";

import { ImageUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { postFile } from "@/components/forms/post-file";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

/**
 * Uploads a poster through the API (PUT /api/v1/titles/{id}/poster with the session cookie). The
 * browser checks size and type first to save a round trip; the server checks the file's real bytes.
 */
export function PosterUpload({ titleId, hasPoster }: { titleId: string; hasPoster: boolean }) {
  const t = useTranslations("catalogue.poster");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function upload(file: File) {
    if (file.size > MAX_BYTES) {
      toast.error(t("errors.tooLarge"));
      return;
    }
    if (file.type && !TYPES.includes(file.type)) {
      toast.error(t("errors.type"));
      return;
    }
    setBusy(true);
    const answer = await postFile(`/api/v1/titles/${titleId}/poster`, file, "PUT");
    setBusy(false);
    if (input.current) input.current.value = "";
    if (answer.ok) {
      toast.success(t("uploaded"));
      router.refresh();
    } else {
      toast.error(answer.status === 413 ? t("errors.tooLarge") : answer.status === 415 ? t("errors.type") : t("errors.generic"));
    }
  }

  return (
    <>
      {hydrated ? (
        <input
          ref={input}
          type="file"
          accept={TYPES.join(",")}
          className="sr-only"
          tabIndex={-1}
          // The button below is the control; the input only opens the file chooser.
          aria-hidden
          data-testid="poster-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      ) : null}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="w-full"
        loading={busy}
        disabled={!hydrated}
        onClick={() => input.current?.click()}
      >
        {busy ? null : <ImageUp aria-hidden />}
        {busy ? t("uploading") : hasPoster ? t("replace") : t("upload")}
      </Button>
      <p className="text-center text-xs text-muted-foreground">{t("hint")}</p>
    </>
  );
}
