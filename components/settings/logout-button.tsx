"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import type * as React from "react";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** Logs out this browser and goes to `callbackUrl` (the login page by default). */
export function LogoutButton({
  children,
  callbackUrl = "/login",
  ...props
}: Omit<ButtonProps, "onClick" | "loading"> & { children: React.ReactNode; callbackUrl?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      {...props}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl });
      }}
    >
      {busy ? null : <LogOut aria-hidden />}
      {children}
    </Button>
  );
}
