// Gunzip that keeps what was readable. A truncated .gz, or bytes after the last gzip member, used to make
// the whole stream fail (Node's async iterator drops the chunks it had buffered when the error comes), so
// a file cut short yielded no line at all. Here every decompressed byte is passed on and the problem is
// reported once, at the end, through `onIssue`.
//
// Bytes after a member are the subtle case: zlib fails on them within the same call that inflates the end
// of the member, and Node then drops that call's output. So input is written in slices of SLICE_BYTES, and
// on such an error the stream is decompressed again (`reopen`), the failing slice one byte per call, which
// delivers the member's end before the call that meets the trailing bytes.
import { once } from 'node:events';
import { createGunzip, type Gunzip } from 'node:zlib';

/** Chunks decompressed and waiting for the reader before the gunzip is paused. */
const MAX_QUEUED = 4;
/** Input written per zlib call (bounds the output a failing call can take with it). */
const SLICE_BYTES = 1 << 16;

interface Pass {
  /** Input bytes whose zlib calls completed without error. */
  inputDone: number;
  error: Error | null;
}

/**
 * Decompresses `source`, yielding output from byte `skipOut` on. Input from byte `byteWiseFrom` on is
 * written one byte per call.
 */
async function* inflatePass(source: AsyncIterable<Buffer>, chunkSize: number, skipOut: number, byteWiseFrom: number, pass: Pass): AsyncGenerator<Buffer> {
  const z: Gunzip = createGunzip({ chunkSize });
  const queue: Buffer[] = [];
  let ended = false;
  let outPos = 0;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  z.on('data', (b: Buffer) => {
    const from = outPos;
    outPos += b.length;
    if (outPos <= skipOut) return;
    queue.push(from >= skipOut ? b : b.subarray(skipOut - from));
    if (queue.length >= MAX_QUEUED) z.pause();
    poke();
  });
  const fail = (e: Error) => {
    pass.error ??= e;
    ended = true;
    poke();
  };
  z.on('end', () => {
    ended = true;
    poke();
  });
  z.on('error', fail);
  const write = async (b: Buffer): Promise<boolean> => {
    if (pass.error !== null) return false;
    const ok = z.write(b, (e) => {
      if (!e) pass.inputDone += b.length;
    });
    if (!ok) await once(z, 'drain');
    return pass.error === null;
  };
  const feed = (async () => {
    let pos = 0;
    for await (const c of source) {
      for (let off = 0; off < c.length;) {
        const step = pos + off >= byteWiseFrom ? 1 : Math.min(SLICE_BYTES, c.length - off, Math.max(1, byteWiseFrom - pos - off));
        if (!(await write(c.subarray(off, off + step)))) return;
        off += step;
      }
      pos += c.length;
    }
    z.end();
  })().catch(fail);
  for (;;) {
    const b = queue.shift();
    if (b !== undefined) {
      if (queue.length < MAX_QUEUED) z.resume();
      yield b;
      continue;
    }
    if (ended) break;
    await new Promise<void>((r) => (wake = r));
  }
  await feed;
  z.destroy();
}

/** `reopen` reads the compressed input again from its start (null for stdin: no recovery pass). */
export async function* gunzipTolerant(
  first: AsyncIterable<Buffer>, reopen: (() => AsyncIterable<Buffer>) | null, chunkSize: number, onIssue: (issue: string) => void,
): AsyncGenerator<Buffer> {
  const pass: Pass = { inputDone: 0, error: null };
  let delivered = 0;
  for await (const b of inflatePass(first, chunkSize, 0, Infinity, pass)) {
    delivered += b.length;
    yield b;
  }
  let e = pass.error as Error | null;
  if (e === null) return;
  const truncated = /unexpected end/i.test(e.message);
  if (!truncated && reopen !== null) {
    // Bytes after a member: recover the member's end lost with the failing call.
    const again: Pass = { inputDone: 0, error: null };
    for await (const b of inflatePass(reopen(), chunkSize, delivered, pass.inputDone, again)) {
      delivered += b.length;
      yield b;
    }
    e = again.error ?? e;
  }
  const what = truncated ? 'gzip stream cut short' : 'unreadable data after the gzip stream';
  onIssue(`${what} (${e.message}) after ${delivered} decompressed bytes: what came before was read`);
}
