/**
 * Reading catalog files (`logix-license.json`), for the CLI and the server alike: the text when the
 * file is there and readable, or why it cannot be read (reported as LGX015, the built-in catalog
 * in use meanwhile). What is wrong inside the file is the catalog parser's to say.
 */
import { statSync } from 'node:fs';
import { MAX_CATALOG_BYTES, readRegularFile } from './read-file.js';

export type CatalogRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function readCatalogFile(absolute: string): CatalogRead {
  try {
    statSync(absolute);
  } catch {
    return { kind: 'absent' };
  }
  try {
    return { kind: 'text', text: readRegularFile(absolute, MAX_CATALOG_BYTES).toString('utf8') };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message };
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
