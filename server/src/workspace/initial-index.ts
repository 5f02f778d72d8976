/**
 * A folder's first index: each file's facts from the persisted index when it is unchanged, the
 * rest parsed on worker threads (sequentially if the workers fail), then the persisted index
 * rewritten when anything differed. The language server calls it at start and when settings or
 * folders change.
 */
import { readRegularFile } from './read-file.js';
import { TimeSlice } from './time-slice.js';
import type { FileFacts } from '../syntax/facts.js';
import { stampOf, type FactsCache, type FileStamp, type PersistedDiagnostics } from './facts-cache.js';
import type { DiscoveredFile } from './files.js';
import { parseFiles, parseSequentially, type ParseOptions } from './parse-pool.js';

export interface InitialIndexOptions {
  /** How the files not in the persisted index are parsed. */
  readonly parse: Pick<ParseOptions, 'encoding' | 'reserveCores' | 'background' | 'callerParses'>;
  /** The persisted index to read and rewrite; none: parse everything, persist nothing. */
  readonly cache?: FactsCache;
  /** Each file's facts as they come: the persisted ones first, then the parsed ones. */
  readonly onFacts: (file: DiscoveredFile, facts: FileFacts) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly onWarning?: (message: string) => void;
}

export interface InitialIndex {
  readonly reused: number;
  readonly parsed: number;
  /** Every file's facts came from the persisted index, and it holds no other file. */
  readonly unchanged: boolean;
  /**
   * Rewrites the persisted index if anything differed from it, with the files' diagnostics when
   * given (call once the index is in use).
   */
  persist(diagnostics?: PersistedDiagnostics): Promise<void>;
}

/** What the persisted index will hold for a file; filled when its facts arrive. */
interface Record {
  readonly relative: string;
  readonly stamp: FileStamp;
  hash?: string;
  facts?: FileFacts;
}

export async function buildInitialIndex(files: readonly DiscoveredFile[], options: InitialIndexOptions): Promise<InitialIndex> {
  const { cache } = options;
  // Stamps before any read: a file changed after this is parsed again at the next start. Taken
  // in slices of time, with a pause between, so that requests are answered meanwhile.
  const slice = new TimeSlice();
  const stamps: (FileStamp | undefined)[] = [];
  if (cache) {
    for (const file of files) {
      stamps.push(stampOf(file.absolute));
      if (slice.due()) await slice.pause();
    }
  }
  const records: Record[] = [];
  const toParse: DiscoveredFile[] = [];
  const toParseRecords: (Record | undefined)[] = [];
  let touched = false;
  for (const [index, file] of files.entries()) {
    if (slice.due()) await slice.pause();
    const stamp = stamps[index];
    const reused = cache && stamp ? cache.reuse(file.relative, stamp, () => readRegularFile(file.absolute)) : undefined;
    if (reused) {
      touched ||= reused.touched;
      records.push({ relative: file.relative, stamp: stamp!, hash: reused.hash, facts: reused.facts });
      options.onFacts(file, reused.facts);
    } else {
      toParse.push(file);
      const record: Record | undefined = stamp ? { relative: file.relative, stamp } : undefined;
      if (record) records.push(record);
      toParseRecords.push(record);
    }
  }
  const reused = files.length - toParse.length;
  options.onProgress?.(reused, files.length);

  let done = reused;
  const parseOptions: ParseOptions = {
    ...options.parse,
    hash: cache !== undefined,
    onBatch: (start, batch, hashes) => {
      batch.forEach((facts, offset) => {
        const record = toParseRecords[start + offset];
        if (record) {
          record.facts = facts;
          record.hash = hashes[offset];
        }
        options.onFacts(toParse[start + offset]!, facts);
      });
      done += batch.length;
      options.onProgress?.(done, files.length);
    },
  };
  const paths = toParse.map((file) => file.absolute);
  try {
    await parseFiles(paths, parseOptions);
  } catch (error) {
    options.onWarning?.(`parallel indexing failed (${(error as Error).message}); indexing sequentially`);
    done = reused;
    await parseSequentially(paths, parseOptions);
  }

  const unchanged = cache !== undefined && toParse.length === 0 && reused === cache.size;
  return {
    reused,
    parsed: toParse.length,
    unchanged,
    persist: async (diagnostics) => {
      // Nothing changed and nothing new to record: keep the file as it is.
      if (!cache || (unchanged && !touched && (!diagnostics || cache.diagnosticsFor(diagnostics.fingerprint)))) return;
      try {
        await cache.save(records.flatMap(({ relative, stamp, hash, facts }) => (hash && facts ? [{ relative, stamp, hash, facts }] : [])), diagnostics);
      } catch (error) {
        options.onWarning?.(`cannot write the persisted index: ${(error as Error).message}`);
      }
    },
  };
}
