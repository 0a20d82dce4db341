"use client";

import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";

/** A tiny trend line of the ratio by period (gaps where nothing was paid). Decorative: the figures are beside it. */
export function RatioSparkline({ points }: { points: (number | null)[] }) {
  const data = points.map((ratio, i) => ({ i, ratio }));
  return (
    <div className="h-12 w-full" aria-hidden data-testid="ratio-sparkline">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <YAxis hide domain={[0, "auto"]} />
          <Line
            dataKey="ratio"
            type="monotone"
            stroke="var(--color-chart-2)"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
