/**
 * The extension's settings (`logix.*` in package.json), typed once, read per workspace folder,
 * cached until the client says they changed.
 */
import { posix } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { DiagnosticCode, Severity } from '../license/codes.js';
import { CATALOG_FILE_NAME } from '../license/catalog.js';
import { DEFAULT_ENCODING } from '../workspace/decode.js';
import { toPosix } from '../workspace/files.js';

export type SeverityOverride = Severity | 'off';

export interface Settings {
  /** Encoding of `.4gl` files read from disk (open files are decoded by the editor). */
  readonly encoding: string;
  /** Globs (relative to the folder) of files and folders not to index. */
  readonly exclude: readonly string[];
  /** Per-code severity, or "off". */
  readonly severity: Readonly<Partial<Record<DiagnosticCode, SeverityOverride>>>;
  /** Overrides the catalog file's `logixVersion` when set. */
  readonly logixVersion: string;
  /** Overrides the catalog file's `devTest` when true (R15). */
  readonly devTest: boolean;
  /** Path of the catalog file, relative to the folder, `/`-separated and normalized (as the index names files). */
  readonly catalogPath: string;
}

export const DEFAULT_SETTINGS: Settings = {
  encoding: DEFAULT_ENCODING,
  exclude: [],
  severity: {},
  logixVersion: '',
  devTest: false,
  catalogPath: CATALOG_FILE_NAME,
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads untrusted settings JSON into typed settings, falling back to defaults field by field. */
export function toSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const severity: Partial<Record<DiagnosticCode, SeverityOverride>> = {};
  if (value['severity'] && typeof value['severity'] === 'object') {
    for (const [code, level] of Object.entries(value['severity'] as Record<string, unknown>)) {
      if (/^LGX\d{3}$/.test(code) && typeof level === 'string' && SEVERITIES.has(level)) {
        severity[code as DiagnosticCode] = level as SeverityOverride;
      }
    }
  }
  const text = (key: string, fallback: string) => (typeof value[key] === 'string' && value[key] !== '' ? (value[key] as string) : fallback);
  return {
    encoding: text('encoding', DEFAULT_SETTINGS.encoding),
    exclude: Array.isArray(value['exclude']) ? (value['exclude'] as unknown[]).filter((glob): glob is string => typeof glob === 'string') : [],
    severity,
    logixVersion: text('logixVersion', ''),
    devTest: value['devTest'] === true,
    catalogPath: posix.normalize(toPosix(text('catalogPath', DEFAULT_SETTINGS.catalogPath))),
  };
}

/**
 * The editor's own `files.exclude` (globs set to true) joins `logix.exclude`: what the user
 * hides from the explorer is not indexed either.
 */
export function withEditorExcludes(settings: Settings, filesExclude: unknown): Settings {
  if (!filesExclude || typeof filesExclude !== 'object') return settings;
  const globs = Object.entries(filesExclude as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
  return globs.length === 0 ? settings : { ...settings, exclude: [...settings.exclude, ...globs] };
}

/** Per-folder settings from the client, cached; plain defaults for clients without configuration. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly connection: Connection, private readonly supported: boolean) {}

  get(folderUri: string): Promise<Settings> {
    let settings = this.cache.get(folderUri);
    if (!settings) {
      settings = this.supported
        ? this.connection.workspace
          .getConfiguration([{ scopeUri: folderUri, section: 'logix' }, { scopeUri: folderUri, section: 'files.exclude' }])
          .then(([logix, filesExclude]: unknown[]) => withEditorExcludes(toSettings(logix), filesExclude), () => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      this.cache.set(folderUri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }
}
