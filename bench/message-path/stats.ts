import type { Sink } from './sink.ts';
import type { SentMessage } from './load.ts';

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null;
}

export interface RunFigures {
  offered: number;
  sent: number;
  acked: number;
  shed: number;
  failedAcks: number;
  ackMs: { p50: number | null; p95: number | null; p99: number | null };
  replyMs: { p50: number | null; p95: number | null; p99: number | null };
  achievedPerS: number;
  lost: number;
  duplicated: number;
}

/**
 * Lost: acknowledged (200) but never answered. Shed: answered 503 at once, which Meta retries, so not lost.
 * Duplicated: a message answered more than once.
 */
export function figures(offered: number, sent: SentMessage[], sink: Sink, windowS: number): RunFigures {
  const acked = sent.filter((m) => m.status === 200);
  const replyMs: number[] = [];
  let lost = 0;
  let duplicated = 0;
  let firstReply = Infinity;
  let lastReply = 0;
  for (const m of acked) {
    const arrivals = sink.arrivals.get(m.id);
    if (!arrivals || arrivals.length === 0) {
      lost += 1;
      continue;
    }
    if (arrivals.length > 1) duplicated += 1;
    const at = arrivals[0] ?? 0;
    replyMs.push(at - m.sentAt);
    firstReply = Math.min(firstReply, at);
    lastReply = Math.max(lastReply, at);
  }
  const ackMs = acked.map((m) => m.ackMs ?? 0);
  const span = Math.max(windowS, (lastReply - firstReply) / 1000);
  return {
    offered,
    sent: sent.length,
    acked: acked.length,
    shed: sent.filter((m) => m.status === 503 || m.status === 429).length,
    failedAcks: sent.filter((m) => m.status !== 200 && m.status !== 503 && m.status !== 429).length,
    ackMs: { p50: round(percentile(ackMs, 50)), p95: round(percentile(ackMs, 95)), p99: round(percentile(ackMs, 99)) },
    replyMs: {
      p50: round(percentile(replyMs, 50)),
      p95: round(percentile(replyMs, 95)),
      p99: round(percentile(replyMs, 99)),
    },
    achievedPerS: Math.round((replyMs.length / span) * 10) / 10,
    lost,
    duplicated,
  };
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
