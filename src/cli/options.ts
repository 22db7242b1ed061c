// Options shared by several commands.
import { DEFAULT_DB_PATH } from '../store/db-path.js';
import { EVENT_TYPES, isEventType, type EventType } from '../events/types.js';
import type { Command } from 'commander';

export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'DuckDB store file', DEFAULT_DB_PATH);
}

/** `--type a,b`: event types checked against `allowed` (default every type); an unknown one throws with the list. */
export function parseEventTypes(raw: string, allowed: readonly EventType[] = EVENT_TYPES): EventType[] {
  const types = raw.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const unknown = types.filter((t) => !isEventType(t) || !allowed.includes(t));
  if (types.length === 0) throw new Error(`no event type given (one of: ${allowed.join(', ')})`);
  if (unknown.length > 0) {
    // "darkportcall", "Dark-Port-Call": name the type meant.
    const squash = (t: string): string => t.toLowerCase().replace(/[^a-z]/g, '');
    const meant = unknown.map((u) => allowed.find((t) => squash(t) === squash(u))).filter(Boolean);
    throw new Error(`unknown event type(s): ${unknown.join(', ')}${meant.length ? ` (did you mean ${meant.join(', ')}?)` : ''} (one of: ${allowed.join(', ')})`);
  }
  return types as EventType[];
}
