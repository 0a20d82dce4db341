import { cn } from "@/lib/utils";

/** The Rightsbridge mark: an arch (the bridge) over two piers (licensor and licensee). */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-7", className)}>
      <rect width="32" height="32" rx="8" fill="var(--color-primary)" />
      <path d="M6 22c2.5-6 6-9 10-9s7.5 3 10 9" fill="none" stroke="white" strokeWidth="2.6" strokeLinecap="round" />
      <path d="M9.5 16.5V25M22.5 16.5V25" stroke="var(--color-brand-teal)" strokeWidth="2.6" strokeLinecap="round" />
      <path d="M5 25h22" stroke="white" strokeOpacity=".55" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function Logo({ className, inverted = false }: { className?: string; inverted?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <LogoMark />
      <span className={cn("text-[15px] font-semibold tracking-tight", inverted ? "text-white" : "text-foreground")}>Rightsbridge</span>
    </span>
  );
}
