// Ingest progress on stderr: a redrawn bar on a terminal (bytes, messages/s, ETA), else a plain line
// every PLAIN_INTERVAL_MS so logs of long runs show it is alive.
import type { ProgressSink } from '../ingest/progress.js';

const BAR_INTERVAL_MS = 200;
const PLAIN_INTERVAL_MS = 10_000;
const BAR_WIDTH = 24;

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

function eta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressSink {
  const tty = stream.isTTY === true;
  let started = 0;
  let last = 0;
  let drawn = false;
  let label = '';
  return {
    update(l, done, total, messages) {
      const t = now();
      if (l !== label) {
        label = l;
        started = t;
        last = t;
        return;
      }
      if (t - last < (tty ? BAR_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
      last = t;
      const secs = (t - started) / 1000;
      const rate = secs > 0 ? messages / secs : 0;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const remaining = total > 0 && done > 0 ? secs * (total - done) / done : NaN;
      const figures = `${mib(done)}${total > 0 ? ` / ${mib(total)}` : ''}  ${messages} msgs  ${Math.round(rate)} msg/s  ETA ${eta(remaining)}`;
      if (tty) {
        const fill = Math.round(frac * BAR_WIDTH);
        stream.write(`\r[${'#'.repeat(fill)}${'.'.repeat(BAR_WIDTH - fill)}] ${(frac * 100).toFixed(0).padStart(3)}% ${figures}\x1b[K`);
        drawn = true;
      } else {
        stream.write(`${label}: ${total > 0 ? `${(frac * 100).toFixed(0)}% ` : ''}${figures}\n`);
      }
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
      label = '';
    },
  };
}
