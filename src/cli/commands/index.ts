// Every CLI command, in the order `tumen --help` lists them. Each module registers one command.
import type { Command } from 'commander';
import { register as decode } from './decode.js';
import { register as ingest } from './ingest.js';
import { register as exportCmd } from './export.js';
import { register as stats } from './stats.js';
import { register as simulate } from './simulate.js';
import { register as detect } from './detect.js';
import { register as anchorages } from './anchorages.js';
import { register as events } from './events.js';
import { register as lists } from './lists.js';
import { register as screen } from './screen.js';
import { register as vessel } from './vessel.js';
import { register as report } from './report.js';
import { register as serve } from './serve.js';
import { register as demo } from './demo.js';
import { register as imagery } from './imagery.js';
import { register as detections } from './detections.js';
import { register as fuel } from './fuel.js';
import { register as sites } from './sites.js';
import { register as worker } from './worker.js';
import { register as cluster } from './cluster.js';
import { register as watch } from './watch.js';
import { register as store } from './store.js';

export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  demo, decode, ingest, exportCmd, stats, simulate, anchorages, detect, events, imagery, detections, fuel, sites, lists, screen, vessel, report, watch, store, serve, worker, cluster,
];
