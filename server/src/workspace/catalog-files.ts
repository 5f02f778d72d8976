/**
 * Reading catalog files (`logix-license.json`) for the language server: the text when the file
 * exists and is a regular file, undefined otherwise (the environment then has the built-in
 * catalog). What is wrong inside the file is the catalog parser's to say (LGX015).
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export async function readCatalogText(absolute: string): Promise<string | undefined> {
  if (!isFile(absolute)) return undefined;
  try {
    return await readFile(absolute, 'utf8');
  } catch {
    return undefined;
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
