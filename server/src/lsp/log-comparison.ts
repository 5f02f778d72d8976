/**
 * The LGX019 diagnostics of the last AppServer log comparison of each workspace folder
 * (*Logix: Compare with AppServer log…*). They are not derived from the sources, so the index
 * never drops them: they stay, whatever is edited, until the folder's next comparison replaces
 * them or *Logix: Clear AppServer log comparison* clears them (or the folder leaves the
 * workspace). The workspace manager appends them to each file's own diagnostics.
 *
 * Each stays on its program's license call as the file is edited: its range is taken again from
 * the file's current facts when it is published (the range of the comparison's time is kept only
 * when the file no longer defines the program).
 */
import { licenseCallRange } from '../applog/compare-folder.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { LicenseModel } from '../license/model.js';

const NONE: readonly LicenseDiagnostic[] = [];

export class LogComparisons {
  /** By workspace folder URI, then by file (relative to the folder). */
  private readonly byFolder = new Map<string, Map<string, LicenseDiagnostic[]>>();

  /** Replaces a folder's comparison; returns the files whose diagnostics change (before and after). */
  replace(folderUri: string, diagnostics: readonly LicenseDiagnostic[]): Set<string> {
    const affected = this.clear(folderUri);
    if (diagnostics.length === 0) return affected;
    const byFile = new Map<string, LicenseDiagnostic[]>();
    for (const diagnostic of diagnostics) {
      const list = byFile.get(diagnostic.file);
      if (list) list.push(diagnostic);
      else byFile.set(diagnostic.file, [diagnostic]);
      affected.add(diagnostic.file);
    }
    this.byFolder.set(folderUri, byFile);
    return affected;
  }

  /** Drops a folder's comparison; returns the files that showed some. */
  clear(folderUri: string): Set<string> {
    const files = new Set(this.byFolder.get(folderUri)?.keys() ?? []);
    this.byFolder.delete(folderUri);
    return files;
  }

  /** The folders that have a comparison. */
  folders(): string[] {
    return [...this.byFolder.keys()];
  }

  /** The files of a folder that have LGX019 diagnostics. */
  filesOf(folderUri: string): string[] {
    return [...(this.byFolder.get(folderUri)?.keys() ?? [])];
  }

  count(folderUri: string): number {
    let count = 0;
    for (const list of this.byFolder.get(folderUri)?.values() ?? []) count += list.length;
    return count;
  }

  /** A file's LGX019 diagnostics, on its program's license call as the file reads now. */
  /** Whether the file shows diagnostics of the folder's last comparison. */
  has(folderUri: string, file: string): boolean {
    return this.byFolder.get(folderUri)?.has(file) === true;
  }

  diagnosticsOf(folderUri: string, file: string, model: Pick<LicenseModel, 'programIn'> | undefined): readonly LicenseDiagnostic[] {
    const list = this.byFolder.get(folderUri)?.get(file);
    if (!list) return NONE;
    const source = model?.programIn(file);
    return list.map((diagnostic) => {
      const program = diagnostic.data?.code === 'LGX019' ? diagnostic.data.program : undefined;
      return source && source.name === program ? { ...diagnostic, range: licenseCallRange(source) } : diagnostic;
    });
  }
}
