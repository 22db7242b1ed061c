// `tumen detections`: satellite detections fused with AIS, one line per detection (who it is, or that it is
// dark and who it could be), or with --missed one line per scene with the AIS vessels expected but not seen.
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { fuseStored } from '../../store/imagery-fuse.js';
import { formatDetections, sceneSummary, type DetectionsFormat } from '../../io/detections-out.js';

export function register(program: Command): void {
  withDbOption(
    program
      .command('detections')
      .description('satellite detections fused with AIS: identity, confidence, dark flag, ranked candidates')
      .option('--scene <id>', 'only this scene')
      .option('--format <format>', 'jsonl | csv | geojson', 'jsonl')
      .option('--missed', 'instead: one JSON line per scene with its counts and the AIS vessels expected in the footprint but not detected'),
  ).action(async (opts: { db: string; scene?: string; format: string; missed?: boolean }) => {
    if (!['jsonl', 'csv', 'geojson'].includes(opts.format)) {
      process.stderr.write(`tumen detections: unknown format "${opts.format}" (jsonl, csv, geojson)\n`);
      process.exitCode = 2;
      return;
    }
    await withStore(opts.db, async (store) => {
      const fused = await fuseStored(store, {
        sceneId: opts.scene,
        onScene: (done, total) => { if (total >= 20 && done % 20 === 0) process.stderr.write(`fused ${done}/${total} scenes\n`); },
      });
      if (opts.scene !== undefined && fused.length === 0) {
        process.stderr.write(`tumen detections: no scene "${opts.scene}" in the store (import it with tumen imagery import)\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.missed) {
        process.stdout.write(fused.map((f) => `${JSON.stringify(sceneSummary(f.scene, f.fusion.detections, f.fusion.missed))}\n`).join(''));
        return;
      }
      const all = fused.flatMap((f) => f.fusion.detections);
      process.stdout.write(formatDetections(all, opts.format as DetectionsFormat));
      const dark = all.filter((d) => d.dark).length, matched = all.filter((d) => d.mmsi !== null).length;
      const missed = fused.reduce((n, f) => n + f.fusion.missed.length, 0);
      process.stderr.write(`${all.length} detections in ${fused.length} scenes: ${matched} matched to AIS, ${dark} dark, ${all.length - matched - dark} likely false alarms; ${missed} AIS vessels expected but not detected (--missed)\n`);
    });
  });
}
