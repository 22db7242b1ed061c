// Links to the server-made evidence pack (GET /api/report): the same document `tumen report` writes.
import { el } from './dom.js';

export function packLinks(id: string, subject: string): HTMLElement[] {
  return [
    el('a', { href: `api/report?${subject}&format=html`, download: '', id, title: 'print map, names, every candidate port, input files with SHA-256, reproducing command' }, 'Evidence pack (HTML)'),
    el('a', { href: `api/report?${subject}&format=pdf`, download: '', 'data-pack': 'pdf' }, 'PDF'),
    el('a', { href: `api/report?${subject}&format=kmz`, download: '', 'data-pack': 'kmz' }, 'KMZ (Google Earth)'),
  ];
}
