// The thread of party-thread.ts: builds the saved party index from the arrays and rows it is handed (the
// store is not opened here) and answers every stated name it is given, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { NameBlocker } from '../screening/blocking.js';
import { PartyIndex } from '../screening/party-index.js';
import type { PartyThreadData } from './party-thread.js';

const data = workerData as PartyThreadData;
const index = new PartyIndex(data.variants, new NameBlocker(data.arrays));
parentPort!.postMessage(data.names.map((n) => index.match(n)));
