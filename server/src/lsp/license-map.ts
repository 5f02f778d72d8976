/**
 * The editor's license map: the `report` data of a workspace folder (license/report.ts), every
 * environment with its keys and programs, with URIs and ranges to open; and the notification that
 * tells the client when to ask again, once changes pause.
 */
import { buildReport, describeHolding, describeProgramConsumption, slotText, type ReportEnvironmentInput } from '../license/report.js';
import type { SourceRef } from '../license/resolve.js';
import { reportToCsv, reportToMarkdown } from '../cli/report-render.js';
import type { LicenseMapLocation, LicenseMapParams, LicenseMapResult } from './custom-messages.js';

/** Changes closer together than this send one notification. */
export const LICENSE_MAP_QUIET_MS = 500;

/** The license map of a folder's environments; `uriOf` maps a path relative to the folder to its URI. */
export function licenseMap(folderUri: string, environments: readonly ReportEnvironmentInput[], uriOf: (file: string) => string, format?: LicenseMapParams['format']): LicenseMapResult {
  const report = buildReport(environments);
  const location = (source: SourceRef | undefined): LicenseMapLocation | undefined => (source ? { uri: uriOf(source.file), range: source.range } : undefined);
  const text = format === 'markdown' ? reportToMarkdown(report) : format === 'csv' ? reportToCsv(report) : undefined;
  return {
    folderUri,
    environments: report.environments.map((environment) => ({
      root: environment.root,
      catalog: environment.catalog,
      complete: environment.complete,
      summary: { programs: environment.summary.programs, keys: environment.summary.keys, keysHeld: environment.summary.keysHeld, blocked: environment.summary.blocked },
      keys: environment.keys.map((key) => {
        const catalogLocation = location(key.catalogEntry);
        const writtenAt = location(key.programs.find((holder) => holder.keySource)?.keySource);
        return {
          key: key.key,
          slot: typeof key.slot === 'number' ? key.slot : null,
          slotText: slotText(key.slot),
          ...(key.area ? { area: key.area } : {}),
          ...(key.description ? { description: key.description } : {}),
          status: key.status,
          ...(catalogLocation ? { catalogLocation } : {}),
          ...(writtenAt ? { writtenAt } : {}),
          programs: key.programs.map((holder) => {
            const where = location(holder.source);
            return {
              program: holder.program,
              displayName: holder.displayName,
              file: holder.file,
              uri: uriOf(holder.file),
              how: holder.how,
              rule: holder.rule,
              ...(holder.area ? { area: holder.area } : {}),
              position: holder.position,
              default: holder.default,
              howText: describeHolding(holder),
              ...(where ? { location: where } : {}),
            };
          }),
        };
      }),
      programs: environment.programs.map((program) => ({
        program: program.program,
        displayName: program.displayName,
        file: program.file,
        uri: uriOf(program.file),
        finalKeys: program.finalKeys.map((entry) => entry.key),
        ...(program.defaultKey !== undefined ? { defaultKey: program.defaultKey } : {}),
        defaultSlotText: slotText(program.defaultSlot),
        ...(program.menuKey !== undefined ? { menuKey: program.menuKey } : {}),
        consumed: describeProgramConsumption(program),
        consumes: program.consumes,
        blocked: program.blocked,
        location: location(program.declaration)!,
      })),
    })),
    ...(text !== undefined ? { text } : {}),
  };
}

/**
 * Sends `logix/licenseMapChanged` for a folder once its changes pause: a burst of keystrokes, a
 * checkout of thousands of files, sends one.
 */
export class LicenseMapNotifier {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly send: (folderUri: string) => void, private readonly quietMs = LICENSE_MAP_QUIET_MS) {}

  changed(folderUri: string): void {
    clearTimeout(this.timers.get(folderUri));
    this.timers.set(folderUri, setTimeout(() => {
      this.timers.delete(folderUri);
      this.send(folderUri);
    }, this.quietMs));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
