// Keeps a started server running until Ctrl-C (SIGINT) or SIGTERM, then closes it: shared by `serve` and `demo`.

/** Resolves once `server` is closed after the first SIGINT/SIGTERM. */
export function closeOnSignal(server: { close(): Promise<void> }): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
