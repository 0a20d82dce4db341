import type * as React from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export type Column<Row> = {
  /** Stable id of the column (also its React key). */
  id: string;
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** Figures align right so digits line up. */
  align?: "left" | "right" | "center";
  /** Keep the cell on one line (dates, amounts, codes). Right-aligned columns default to true. */
  nowrap?: boolean;
  className?: string;
};

export type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows (an EmptyState, usually). */
  empty?: React.ReactNode;
  /** Accessible name of the table, e.g. the page title. */
  label?: string;
  /** Under the table, e.g. a "Load more" button for cursor pagination. */
  footer?: React.ReactNode;
  className?: string;
};

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;
/**
 * The row actions column (id "actions") stays pinned to the right edge while a wide table scrolls
 * inside its card, so a row's buttons are always in view whatever the width.
 */
const pinned = (column: { id: string }, header = false) =>
  column.id === "actions" && cn("sticky right-0 z-10 shadow-[inset_1px_0_0_var(--color-border)]", header ? "bg-muted" : "bg-card");

/**
 * A typed table in a card. Server-component friendly (no state): sorting, filtering and
 * pagination belong in the URL and the query, not in this component.
 */
export function DataTable<Row>({ columns, rows, rowKey, empty, label, footer, className }: DataTableProps<Row>) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    // min-w-0 lets the table scroll inside grid and flex parents instead of widening the page.
    <div className={cn("min-w-0 overflow-hidden rounded-xl border bg-card shadow-xs", className)}>
      <Table aria-label={label}>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            {columns.map((column) => (
              <TableHead key={column.id} scope="col" className={cn(ALIGN[column.align ?? "left"], pinned(column, true), column.className)}>
                {column.header}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) => (
                <TableCell
                  key={column.id}
                  className={cn(
                    ALIGN[column.align ?? "left"],
                    (column.nowrap ?? column.align === "right") && "whitespace-nowrap",
                    pinned(column),
                    column.className,
                  )}
                >
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {footer ? <div className="border-t px-5 py-3">{footer}</div> : null}
    </div>
  );
}
