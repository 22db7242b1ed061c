// Datagrams the kernel dropped on a bound UDP socket because its receive buffer was full: the `drops`
// column of /proc/net/udp (Linux). The only loss a UDP listener cannot see itself.
import { readFileSync } from 'node:fs';

/** Drops counted on the socket bound to `port`, or null where the kernel does not tell (not Linux). */
export function udpKernelDrops(port: number, ipv6 = false): number | null {
  let table: string;
  try {
    table = readFileSync(ipv6 ? '/proc/net/udp6' : '/proc/net/udp', 'latin1');
  } catch {
    return null;
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let drops: number | null = null;
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 13 || !f[1].endsWith(`:${hexPort}`)) continue;
    drops = (drops ?? 0) + Number(f[f.length - 1]);
  }
  return drops;
}
