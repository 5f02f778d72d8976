/**
 * The editor's license map: the `report` data of a workspace folder (license/report.ts), every
 * environment with its keys and programs, with URIs and ranges to open, whole or in the parts a
 * tree asks for (the keys, then one key's programs), filtered; and the notification that tells
 * the client when to ask again, once changes pause.
 */
import { buildReport, describeHolding, describeProgramConsumption, slotText, type KeyHolder, type KeyReport, type ReportCache, type ReportEnvironmentInput } from '../license/report.js';
import type { SourceRef } from '../license/resolve.js';
import { reportToCsv, reportToMarkdown } from '../cli/report-render.js';
import type { LicenseMapKey, LicenseMapLocation, LicenseMapParams, LicenseMapResult } from './custom-messages.js';

/** Changes closer together than this send one notification. */
const LICENSE_MAP_QUIET_MS = 500;

/**
 * The license map of a folder's environments; `uriOf` maps a path relative to the folder to its
 * URI; `cache` keeps what each unchanged program gave last time.
 */
export function licenseMap(environments: readonly ReportEnvironmentInput[], uriOf: (file: string) => string, params: LicenseMapParams, cache?: ReportCache): LicenseMapResult {
  const report = buildReport(environments, cache);
  const location = (source: SourceRef | undefined): LicenseMapLocation | undefined => (source ? { uri: uriOf(source.file), range: source.range } : undefined);
  const text = params.format === 'markdown' ? reportToMarkdown(report) : params.format === 'csv' ? reportToCsv(report) : undefined;
  const filter = params.filter?.trim().toLowerCase() ?? '';
  const holderMatches = (holder: KeyHolder) => !filter || holder.program.includes(filter) || holder.file.toLowerCase().includes(filter);
  const keyMatches = (key: KeyReport) => !filter || [key.key, slotText(key.slot), key.area ?? '', key.description ?? '', key.status].some((field) => field.toLowerCase().includes(filter));
  const wanted = (environment: string, key: KeyReport) => !params.keysOnly && (!params.key || (params.key.environment === environment && params.key.key === key.key));
  return {
    folderUri: params.folderUri,
    environments: report.environments.map((environment) => {
      const keys = environment.keys.filter((key) => keyMatches(key) || key.programs.some(holderMatches)).map((key): LicenseMapKey => {
        const catalogLocation = location(key.catalogEntry);
        const writtenAt = location(key.programs.find((holder) => holder.keySource)?.keySource);
        const holders = !wanted(environment.root, key) ? [] : keyMatches(key) ? key.programs : key.programs.filter(holderMatches);
        return {
          key: key.key,
          slot: typeof key.slot === 'number' ? key.slot : null,
          slotText: slotText(key.slot),
          ...(key.area ? { area: key.area } : {}),
          ...(key.description ? { description: key.description } : {}),
          status: key.status,
          ...(catalogLocation ? { catalogLocation } : {}),
          ...(writtenAt ? { writtenAt } : {}),
          held: new Set(key.programs.filter((holder) => holder.how !== 'dropped').map((holder) => holder.file)).size,
          written: new Set(key.programs.map((holder) => holder.file)).size,
          programs: holders.map((holder) => {
            const where = location(holder.source);
            return {
              program: holder.program,
              displayName: holder.displayName,
              file: holder.file,
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
      });
      const listed = params.keysOnly ? new Set<string>() : params.key ? new Set(keys.flatMap((key) => key.programs.map((holder) => holder.file))) : undefined;
      return {
        root: environment.root,
        catalog: environment.catalog,
        complete: environment.complete,
        summary: { programs: environment.summary.programs, keys: environment.summary.keys, keysHeld: environment.summary.keysHeld, blocked: environment.summary.blocked },
        keys,
        programs: environment.programs.filter((program) => !listed || listed.has(program.file)).map((program) => ({
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
      };
    }),
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
