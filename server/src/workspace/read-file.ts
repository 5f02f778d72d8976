/**
 * Reading a file the user's tree holds, safely: only a regular file is read (a FIFO opened for
 * reading blocks until a writer comes, a device such as /dev/zero never ends), the open does not
 * block, and a file larger than the limit is refused. Whatever goes wrong is an Error whose
 * message says why, for the caller to report (LGX015, LGX016) — never a hang.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Larger than any Logix source or catalog: a file this size is something else. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;
/** AppServer debug logs grow for days between rotations. */
export const MAX_LOG_BYTES = 1024 * 1024 * 1024;

export function readRegularFile(path: string, maxBytes: number = MAX_SOURCE_BYTES): Buffer {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
  const descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw new Error(`not a regular file (${kindOf(stat)})`);
    if (stat.size > maxBytes) throw new Error(`${stat.size} bytes, more than the ${maxBytes} read`);
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const count = readSync(descriptor, buffer, read, stat.size - read, read);
      if (count === 0) break; // shrank while read: what is there
      read += count;
    }
    return read === stat.size ? buffer : buffer.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
