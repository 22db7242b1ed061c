// `tumen vessel` lists identity runs with the ship type in words (issue 11: no raw codes such as "79").
import { describe, expect, it } from 'vitest';
import { identityValue } from '../../src/cli/commands/vessel.js';

describe('identityValue', () => {
  it('gives a ship type in words with its code, other fields as stored', () => {
    expect(identityValue('shiptype', '80')).toBe('Tanker - all ships of this type (80)');
    expect(identityValue('shiptype', '0')).toBe('0');
    expect(identityValue('shipname', '80')).toBe('80');
  });
});
