// What an ingest reports while it runs; the CLI renders it (src/cli/progress.ts).
export interface ProgressSink {
  /** bytesDone/bytesTotal of the current input (total 0 = unknown), messages so far. */
  update(label: string, bytesDone: number, bytesTotal: number, messages: number): void;
  done(): void;
}

export const NO_PROGRESS: ProgressSink = { update() {}, done() {} };
