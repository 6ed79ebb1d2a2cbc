import { readFileSync } from 'node:fs';
import type { PaperFields, ParseResult } from '../../../../src/lib/ingest/format.ts';

/** The text of a file under tests/fixtures, e.g. `readFixture('atom/old-style.xml')`. */
export function readFixture(path: string): string {
  return readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
}

/** The records that became paper fields, with their lines. */
export function papersOf(result: ParseResult): (PaperFields & { line: number })[] {
  return result.records.flatMap((record) => ('fields' in record ? [{ ...record.fields, line: record.line }] : []));
}

/** The rejected records as `line: reason`. */
export function rejectionsOf(result: ParseResult): string[] {
  return result.records.flatMap((record) => ('rejected' in record ? [`${record.line}: ${record.rejected}`] : []));
}
