/**
 * The persisted index: every file's facts from the last run, so that a start with nothing changed
 * reads one file instead of re-parsing the workspace (the warm start).
 *
 * - The server keeps it in the folder the editor gives the extension for its own storage, never in
 *   the user's workspace, one file per workspace folder and encoding; `check --cache` keeps it
 *   where the user says (a CI cache).
 * - A file's facts are reused when its size and modification time are those recorded; when only
 *   the time differs (a checkout touched the file), its content hash decides (`metadata`). With
 *   `content` every file is read and its hash decides, whatever its time (CI checkouts set every
 *   time anew).
 * - Stamps are taken before the file is read, so a file changed while it was parsed is parsed again
 *   at the next start rather than kept stale.
 * - The cache records which server build wrote it; another build (another parser) ignores it.
 * - Any unreadable, truncated or foreign cache file is ignored with a reason: the index is then
 *   built from the sources, as on a first start. Writing goes to a temporary file renamed over the
 *   old one, so a crash leaves the previous cache or none, never half of one.
 *
 * Format: `LGXF`, a u32 header length, the JSON header (stamps, unit names, diagnostics), the
 * packed units of every file as one Int32 array (syntax/packed-units.ts), then each file's other
 * facts (calls, globals references, problems) as JSON, parsed only when first read.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { currentLanguage } from '../l10n/messages.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { FileFacts } from '../syntax/facts.js';
import { TimeSlice } from './time-slice.js';
import { isUnreadable } from './unreadable.js';
import { PACKED_UNIT_INTS, packedCount, packedUnitsOf, withLazyFacts, type OtherFacts, type PackedUnits } from '../syntax/packed-units.js';

const MAGIC = 'LGXF';
let writes = 0;
/** 5: problems are data (kind, unit, name, count), no longer English sentences. */
const FORMAT = 5;

/** How a file is known unchanged: size and time, else content (`metadata`), or always content. */
export const CACHE_STRATEGIES = ['content', 'metadata'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

interface Entry extends FileStamp {
  readonly hash: string;
  readonly facts: FileFacts;
}

/**
 * [relative path, size, mtimeMs, hash, unit count, line count, offset and length of the file's
 * other facts (JSON) in the last section, or -1 and 0 when it has none]
 */
type HeaderFile = [string, number, number, string, number, number, number, number];

/**
 * The diagnostics of the files when the cache was written, valid for the same facts and the same
 * fingerprint (catalog and overrides: FolderIndex.fingerprint), in the language they were said in
 * (the cache records it: a run in another language words them again). Only files that had some.
 */
export interface PersistedDiagnostics {
  readonly fingerprint: string;
  readonly files: readonly (readonly [string, readonly LicenseDiagnostic[]])[];
}

interface Header {
  readonly format: number;
  readonly build: string;
  readonly folder: string;
  readonly encoding: string;
  readonly files: HeaderFile[];
  /** Each file's unit names (joined, as PackedUnits holds them), in the order of `files`. */
  readonly names: string[];
  readonly diagnostics?: PersistedDiagnostics & { readonly language: string };
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

export function stampOf(path: string): FileStamp | undefined {
  try {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

export class FactsCache {
  private readonly entries: Map<string, Entry>;
  private readonly diagnostics: Header['diagnostics'];
  /** Why an existing cache file was not used (for the server log); undefined when it was, or absent. */
  readonly problem: string | undefined;

  private constructor(
    private readonly path: string,
    private readonly identity: Pick<Header, 'build' | 'folder' | 'encoding'>,
    private readonly strategy: CacheStrategy,
    decoded: { entries: Map<string, Entry>; diagnostics?: Header['diagnostics'] },
    problem?: string,
  ) {
    this.entries = decoded.entries;
    this.diagnostics = decoded.diagnostics;
    this.problem = problem;
  }

  /**
   * Opens the cache of `folder` in `cacheFolder`; a missing or unusable one opens empty. The read
   * is asynchronous, so that it overlaps the discovery of the folder's files.
   */
  static open(cacheFolder: string, folder: string, encoding: string, build: string): Promise<FactsCache> {
    const name = createHash('sha1').update(`${folder}\0${encoding}`).digest('hex').slice(0, 16);
    return FactsCache.openFile(join(cacheFolder, `facts-${name}.bin`), folder, encoding, build);
  }

  /**
   * Opens the cache file `path` for `folder`; a missing one opens empty, and so does an unusable
   * one (damaged, not a cache, or written by another build, for another folder or encoding), with
   * `problem` saying why. Saving replaces it.
   */
  static async openFile(path: string, folder: string, encoding: string, build: string, strategy: CacheStrategy = 'metadata'): Promise<FactsCache> {
    const identity = { build, folder, encoding };
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const problem = code === 'ENOENT' ? undefined : `${path}: ${(error as Error).message}`;
      return new FactsCache(path, identity, strategy, { entries: new Map() }, problem);
    }
    try {
      return new FactsCache(path, identity, strategy, decode(bytes, identity));
    } catch (error) {
      return new FactsCache(path, identity, strategy, { entries: new Map() }, `${path}: ${(error as Error).message}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The recorded facts and hash of a file if it is unchanged: same size and time, or same size and
   * content (then `readBytes` is called once; `touched` says so); with the `content` strategy,
   * same size and content whatever the time (never `touched`: the times are not used).
   */
  reuse(relative: string, stamp: FileStamp, readBytes: () => Uint8Array): { facts: FileFacts; hash: string; touched: boolean } | undefined {
    const entry = this.entries.get(relative);
    if (!entry || entry.size !== stamp.size) return undefined;
    if (this.strategy === 'metadata' && entry.mtimeMs === stamp.mtimeMs) return { facts: entry.facts, hash: entry.hash, touched: false };
    try {
      return contentHash(readBytes()) === entry.hash ? { facts: entry.facts, hash: entry.hash, touched: this.strategy === 'metadata' } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every file's facts as recorded, changed since or not (what its recorded diagnostics are of). */
  *recordedFiles(): Generator<[string, FileFacts]> {
    for (const [relative, entry] of this.entries) yield [relative, entry.facts];
  }

  /** The recorded diagnostics, if they were recorded with this fingerprint and in this process's language. */
  diagnosticsFor(fingerprint: string): ReadonlyMap<string, readonly LicenseDiagnostic[]> | undefined {
    const usable = this.diagnostics?.fingerprint === fingerprint && this.diagnostics.language === currentLanguage();
    return usable ? new Map(this.diagnostics!.files) : undefined;
  }

  /**
   * Replaces the cache file with these files (facts of unreadable files are not recorded) and,
   * when given, the diagnostics they had. Serialises a few hundred files at a time, yielding in
   * between: 20,000 files take a few hundred milliseconds, which must not freeze the server.
   */
  async save(files: Iterable<{ relative: string; stamp: FileStamp; hash: string; facts: FileFacts }>, diagnostics?: PersistedDiagnostics): Promise<void> {
    const fileRows: string[] = [];
    const others: string[] = [];
    let othersLength = 0;
    const names: string[] = [];
    const packed: PackedUnits[] = [];
    const slice = new TimeSlice();
    for (const { relative, stamp, hash, facts } of files) {
      if (isUnreadable(facts)) continue; // read it again next time
      const units = packedUnitsOf(facts);
      const other = serialisedOthers.get(facts)?.() ?? serialiseOthers(facts);
      const row: HeaderFile = [relative, stamp.size, stamp.mtimeMs, hash, packedCount(units), facts.lineCount, other ? othersLength : -1, other.length];
      fileRows.push(asciiJson(row));
      others.push(other);
      othersLength += other.length;
      names.push(units.names);
      packed.push(units);
      if (slice.due()) await slice.pause();
    }
    const namesJson = asciiJson(names);
    await nextTurn();
    const diagnosticsJson = diagnostics ? `,"diagnostics":${asciiJson({ ...diagnostics, language: currentLanguage() })}` : '';
    await nextTurn();
    const identity = { format: FORMAT, ...this.identity };
    const header = `${asciiJson(identity).slice(0, -1)},"files":[${fileRows.join(',')}],"names":${namesJson}${diagnosticsJson}}`;
    await nextTurn();
    const json = Buffer.from(header, 'latin1');
    await mkdir(join(this.path, '..'), { recursive: true });
    // Unique per write: a folder re-indexed while its previous index is still being written
    // must not write into the same file.
    const temporary = `${this.path}.${process.pid}.${++writes}.tmp`;
    // Written piece by piece, the units straight from their arrays: assembled first, the file of
    // 20,000 files was a 65 MB buffer on top of what it copied, and the server kept the memory.
    const file = await open(temporary, 'w');
    try {
      const head = Buffer.alloc(8);
      head.write(MAGIC, 0, 'latin1');
      head.writeUInt32LE(json.length, 4);
      const padding = Buffer.alloc(align4(8 + json.length) - 8 - json.length);
      await file.writev([head, json, padding]);
      let group: Buffer[] = [];
      let groupBytes = 0;
      const flush = async () => {
        if (group.length > 0) await file.writev(group);
        group = [];
        groupBytes = 0;
      };
      for (const units of packed) {
        group.push(Buffer.from(units.ints.buffer, units.ints.byteOffset, units.ints.byteLength));
        groupBytes += units.ints.byteLength;
        if (group.length >= 512 || groupBytes >= WRITE_CHUNK) await flush();
      }
      await flush();
      for (const other of others) {
        if (other.length === 0) continue;
        group.push(Buffer.from(other, 'latin1'));
        groupBytes += other.length;
        if (group.length >= 512 || groupBytes >= WRITE_CHUNK) await flush();
      }
      await flush();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    await file.close();
    await rename(temporary, this.path);
  }
}

/** About how much is handed to the system in one write. */
const WRITE_CHUNK = 1 << 20;

/**
 * The serialised other facts of the facts this cache read, kept as read: writing the cache again
 * copies them instead of parsing and serialising every file's calls.
 */
const serialisedOthers = new WeakMap<FileFacts, () => string>();

/** A file's calls, globals references and problems as ASCII JSON; '' when it has none. */
function serialiseOthers(facts: FileFacts): string {
  const hasOther = facts.licenseCalls.length > 0 || facts.globalsReferences.length > 0 || facts.problems.length > 0;
  return hasOther ? asciiJson({ licenseCalls: facts.licenseCalls, globalsReferences: facts.globalsReferences, problems: facts.problems }) : '';
}

/**
 * JSON in pure ASCII (other characters escaped), so that reading decodes it as Latin-1: faster,
 * and a one-byte string for JSON.parse.
 */
function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

function decode(bytes: Buffer, identity: Pick<Header, 'build' | 'folder' | 'encoding'>): { entries: Map<string, Entry>; diagnostics?: Header['diagnostics'] } {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a facts cache');
  const jsonLength = bytes.readUInt32LE(4);
  if (8 + jsonLength > bytes.length) throw new Error('truncated');
  const header = JSON.parse(bytes.toString('latin1', 8, 8 + jsonLength)) as Header;
  if (header.format !== FORMAT || header.build !== identity.build) throw new Error('written by another version');
  if (header.folder !== identity.folder || header.encoding !== identity.encoding) throw new Error('written for another folder or encoding');
  const unitsOffset = align4(8 + jsonLength);
  if (header.names.length !== header.files.length) throw new Error('inconsistent');
  const unitTotal = header.files.reduce((sum, row) => sum + row[4], 0);
  const othersOffset = unitsOffset + unitTotal * PACKED_UNIT_INTS * 4;
  if (othersOffset > bytes.length) throw new Error('truncated');
  // Views on the file's bytes, not copies: copying tens of megabytes costs garbage collections.
  // (The header, the only part not used after this, is the smallest.) A copy only when the bytes
  // are not aligned for an Int32Array.
  const all = (bytes.byteOffset + unitsOffset) % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset + unitsOffset, unitTotal * PACKED_UNIT_INTS)
    : new Int32Array(bytes.buffer.slice(bytes.byteOffset + unitsOffset, bytes.byteOffset + othersOffset));
  // The other facts stay serialised until first read: most are not needed to start.
  const others = bytes.subarray(othersOffset);
  const entries = new Map<string, Entry>();
  let unit = 0;
  for (const [index, [relative, size, mtimeMs, hash, unitCount, lineCount, otherOffset, otherLength]] of header.files.entries()) {
    const ints = all.subarray(unit * PACKED_UNIT_INTS, (unit + unitCount) * PACKED_UNIT_INTS);
    if (otherOffset + otherLength > others.length) throw new Error('truncated');
    const packed = { ints, names: header.names[index]! };
    const facts = withLazyFacts(lineCount, packed, otherOffset === -1 ? noOtherFacts : () => readOtherFacts(others, otherOffset, otherLength));
    serialisedOthers.set(facts, () => (otherOffset === -1 ? '' : others.toString('latin1', otherOffset, otherOffset + otherLength)));
    entries.set(relative, { size, mtimeMs, hash, facts });
    unit += unitCount;
  }
  return { entries, ...(header.diagnostics ? { diagnostics: header.diagnostics } : {}) };
}

function noOtherFacts(): OtherFacts {
  return { licenseCalls: [], globalsReferences: [], problems: [] };
}

/** A damaged entry (the file was checked whole when opened, so only a disk fault) says so. */
function readOtherFacts(others: Buffer, offset: number, length: number): OtherFacts {
  try {
    return JSON.parse(others.toString('latin1', offset, offset + length)) as OtherFacts;
  } catch {
    const start = { line: 0, character: 0 };
    return { licenseCalls: [], globalsReferences: [], problems: [{ kind: 'damagedCacheEntry', range: { start, end: start } }] };
  }
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
