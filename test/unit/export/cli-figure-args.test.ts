// `talkmark export` options for figure titles and chapter headings.
import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../src/cli/export-args';

describe('export arguments for figures and chapters', () => {
  it('chapters are on unless --no-chapters; --figure-title takes a template', () => {
    const base = ['b.zip', '--format', 'hugo', '--out', 'o'];
    expect(parseExportArgs(base)).toMatchObject({ chapters: true });
    expect(parseExportArgs(base)).not.toHaveProperty('figureTitle');
    expect(parseExportArgs([...base, '--no-chapters', '--figure-title', '{slide} ({time})'])).toMatchObject({
      chapters: false,
      figureTitle: '{slide} ({time})',
    });
    expect(parseExportArgs([...base, '--figure-title'])).toBe('--figure-title needs a value');
  });
});
