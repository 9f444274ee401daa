import { describe, expect, it } from 'vitest';
import { splitImportError } from './importError';

describe('splitImportError', () => {
  it('lists each rejected row under the summary', () => {
    const message =
      "candidates-bad.csv: 2 row(s) rejected, nothing imported:\nline 3: the name is empty\nline 4: panel 'Panel Z' does not exist in this campaign";
    expect(splitImportError(message)).toEqual({
      summary: 'candidates-bad.csv: 2 row(s) rejected, nothing imported.',
      lines: ['line 3: the name is empty', "line 4: panel 'Panel Z' does not exist in this campaign"],
    });
  });

  it('keeps a one-line message whole', () => {
    expect(splitImportError('x.csv: not UTF-8 text')).toEqual({ summary: 'x.csv: not UTF-8 text', lines: [] });
  });
});
