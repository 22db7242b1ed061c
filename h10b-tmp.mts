import { Store } from './src/store/db.js';
const s = await Store.open(':memory:');
for (const f of ['extra-early', 'extra-late', 'latin1', 'qnl', 'bom']) {
  try {
    const enc = f === 'latin1' ? 'latin-1' : 'utf-8';
    const rows = await s.all(`SELECT count(*) AS n, min(mmsi) AS m FROM read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {'mmsi': 'VARCHAR', 'time': 'VARCHAR', 'lat': 'VARCHAR', 'lon': 'VARCHAR'${f==='latin1'||f==='qnl' ? ", 'shipname': 'VARCHAR'" : ''}},
      ignore_errors = true, store_rejects = true, rejects_table = 'rej', rejects_scan = 'scans', encoding = '${enc}')`, [`/tmp/h10b/${f}.csv`]);
    const rej = await s.all(`SELECT line, error_type, left(error_message, 80) AS msg FROM rej`);
    console.log(f, rows, rej);
  } catch (e) { console.log(f, 'ERR', (e as Error).message.slice(0, 300)); }
}
