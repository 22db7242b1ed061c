// `tumen imagery import --scenes FILE --detections FILE`: stores satellite scenes and vessel detections
// (one transaction: all or nothing; idempotent; rejects counted by reason).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { ensurePositionsSchema } from '../../store/positions.js';
import { importImagery } from '../../store/imagery.js';
import { parseDetections, parseScenes, type Rejects } from '../../imagery/parse.js';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

function readText(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${what} file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (text.length > MAX_FILE_BYTES) throw new Error(`${what} file ${path} is larger than ${MAX_FILE_BYTES} bytes`);
  return text;
}

const listRejects = (r: Rejects): string => {
  const e = Object.entries(r).sort();
  return e.length ? ` (${e.map(([k, n]) => `${k} ${n}`).join(', ')})` : '';
};
const sum = (r: Rejects): number => Object.values(r).reduce((a, b) => a + b, 0);

export function register(program: Command): void {
  const imagery = program.command('imagery').description('satellite imagery: import scenes and vessel detections');
  withDbOption(
    imagery
      .command('import')
      .description('import scenes (JSON Lines or GeoJSON footprints) and detections (CSV or GeoJSON points); idempotent')
      .requiredOption('--scenes <file>', 'scenes: JSON Lines {scene_id,time,sensor,bbox{lat_min,lat_max,lon_min,lon_max}} or a GeoJSON FeatureCollection')
      .requiredOption('--detections <file>', 'detections: CSV detection_id,scene_id,time,lat,lon,length_m,sensor[,heading,presence] or GeoJSON points'),
  ).action(async (opts: { db: string; scenes: string; detections: string }) => {
    let scenes, detections;
    try {
      scenes = parseScenes(readText(opts.scenes, 'scenes'));
      detections = parseDetections(readText(opts.detections, 'detections'));
    } catch (err) {
      process.stderr.write(`tumen imagery import: ${(err as Error).message}; nothing imported\n`);
      process.exitCode = 2;
      return;
    }
    await withStore(opts.db, async (store) => {
      await ensurePositionsSchema(store);
      const s = await importImagery(store, scenes.items, detections.items, { scenes: scenes.rejects, detections: detections.rejects });
      process.stdout.write(
        `scenes: ${s.scenes.read} read, ${s.scenes.new} new, ${s.scenes.updated} updated, ${s.scenes.unchanged} unchanged, ` +
          `${sum(s.rejects.scenes)} rejected${listRejects(s.rejects.scenes)}\n` +
          `detections: ${s.detections.read} read, ${s.detections.new} new, ${s.detections.updated} updated, ${s.detections.unchanged} unchanged, ` +
          `${sum(s.rejects.detections)} rejected${listRejects(s.rejects.detections)}\n`,
      );
    });
  });
}
