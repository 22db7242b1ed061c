// What is told about a NMEA file before its lines are decoded for the store: whether its first lines carry
// times, and its own time span. Done in the decoding thread when there is one: decoding these lines there
// warms the decoder the file is then read with, while the main thread still starts up.
import { AisDecoder } from '../ais/index.js';
import { openOffsetLines } from '../io/lines.js';
import { sampleFileSpan, type FileSpan } from './file-span.js';
import type { TimeWindow } from './time-window.js';

/** Lines inspected for a time before refusing a file without times. */
export const TIME_PROBE_LINES = 10_000;

export interface TimeProbe {
  timed: number;
  messages: number;
}

/** What to find out: `probe` the first lines' times; the span within `spanWithin` (null: not asked). */
export interface FileQuestions {
  path: string;
  probe: boolean;
  spanWithin: TimeWindow | null;
}

export interface FileAnswers {
  probe: TimeProbe | null;
  span: FileSpan | null;
}

export async function answerFileQuestions(q: FileQuestions): Promise<FileAnswers> {
  return {
    span: q.spanWithin === null ? null : sampleFileSpan(q.path, q.spanWithin),
    probe: q.probe ? await probeTimes(q.path) : null,
  };
}

/** Messages, and those with a time of their own, among the first `TIME_PROBE_LINES` lines. */
export async function probeTimes(path: string): Promise<TimeProbe> {
  const decoder = new AisDecoder();
  let seen = 0;
  let messages = 0;
  let timed = 0;
  for await (const block of openOffsetLines(path).blocks) {
    for (const line of block.lines) {
      const r = decoder.decodeLine(line);
      if (r.kind === 'message') {
        messages++;
        if (r.meta.timeMs !== null) timed++;
      }
      if (++seen >= TIME_PROBE_LINES) return { timed, messages };
    }
  }
  return { timed, messages };
}
