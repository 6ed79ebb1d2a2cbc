import { readFileSync } from 'node:fs';

/** One paper of a labelled JSONL corpus (../shared/corpora/*.jsonl): its text and its first label. */
export interface LabelledPaper {
  id?: string;
  title: string;
  abstract: string;
  label: string;
}

/**
 * Read up to `limit` papers of a labelled JSONL file for the evaluations (eval:topics, eval:similar). Each line is
 * {"title", "abstract", "label" | "labels": [...]} (the first label counts), optionally "id"; a bad line stops with
 * its file:line.
 * @example readLabelledCorpus('../shared/corpora/arxiv-cs-oai2016-10k.jsonl', 1)
 * // => [{ id: '…', title: '…', abstract: '…', label: 'cs.IT' }]
 */
export function readLabelledCorpus(path: string, limit: number): LabelledPaper[] {
  const papers: LabelledPaper[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let index = 0; index < lines.length && papers.length < limit; index++) {
    const line = lines[index]!.trim();
    if (!line) continue;
    let record: { id?: unknown; title?: unknown; abstract?: unknown; label?: unknown; labels?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch (error) {
      throw new Error(`${path}:${index + 1}: expected a JSON object, found ${JSON.stringify(line.slice(0, 40))} (${(error as Error).message})`);
    }
    const label = typeof record.label === 'string' ? record.label : Array.isArray(record.labels) ? record.labels[0] : undefined;
    if (typeof record.title !== 'string' || typeof record.abstract !== 'string' || typeof label !== 'string') {
      throw new Error(`${path}:${index + 1}: expected string "title", "abstract" and "label" or "labels"[0]`);
    }
    papers.push({ ...(typeof record.id === 'string' && record.id ? { id: record.id } : {}), title: record.title, abstract: record.abstract, label });
  }
  return papers;
}
