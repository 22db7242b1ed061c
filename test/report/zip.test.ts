// The KMZ container: a zip any reader opens (checked by reading our own central directory back and by
// Debian's unzip when present), deterministic bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../../src/io/zip.js';

describe('zip', () => {
  const kml = '<?xml version="1.0"?><kml>' + 'Ä placemark '.repeat(500) + '</kml>';
  const bytes = zip([{ name: 'doc.kml', data: Buffer.from(kml) }, { name: 'a/b.txt', data: Buffer.from('x') }]);

  it('is a zip whose central directory points at deflated entries that inflate back', () => {
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(end + 10)).toBe(2);
    let p = bytes.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      expect(bytes.readUInt32LE(p)).toBe(0x02014b50);
      const csize = bytes.readUInt32LE(p + 20), nameLen = bytes.readUInt16LE(p + 28), at = bytes.readUInt32LE(p + 42);
      const name = bytes.subarray(p + 46, p + 46 + nameLen).toString();
      names.push(name);
      expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
      const body = bytes.subarray(at + 30 + nameLen, at + 30 + nameLen + csize);
      const text = inflateRawSync(body).toString();
      expect(text).toBe(name === 'doc.kml' ? kml : 'x');
      p += 46 + nameLen;
    }
    expect(names).toEqual(['doc.kml', 'a/b.txt']);
    expect(bytes.length).toBeLessThan(kml.length / 5);
  });

  it('gives the same bytes for the same content', () => {
    expect(zip([{ name: 'doc.kml', data: Buffer.from(kml) }, { name: 'a/b.txt', data: Buffer.from('x') }]).equals(bytes)).toBe(true);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('passes unzip -t', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-zip-'));
    try {
      writeFileSync(join(dir, 't.kmz'), bytes);
      expect(execFileSync('/usr/bin/unzip', ['-t', join(dir, 't.kmz')]).toString()).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
