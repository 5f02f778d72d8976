/**
 * The LOGFILE of `compare-log` and `import-log`: read, decoded and its runs found. A file that
 * cannot be read, or holds no run, is the user's problem to fix (exit 2, with the reason).
 */
import { t } from '../l10n/messages.js';
import { readFileSync } from 'node:fs';
import { decodeLog, type LogEncoding } from '../applog/decode-log.js';
import { readDebugLog, type LogReading } from '../applog/read-log.js';
import { ConfigurationError } from '../workspace/analysis.js';

export function readLogFile(path: string): LogReading & { readonly encoding: LogEncoding } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConfigurationError(t`cannot read the log file ${path}: ${(error as Error).message}`);
  }
  const { text, encoding } = decodeLog(bytes);
  const reading = readDebugLog(text);
  if (reading.runs.length === 0) {
    throw new ConfigurationError(
      t`no program run found in ${path}: no line "Aplicação <PROGRAM> - licenças … =" (the AppServer writes them with logix.license.debug = 1 in its profile)`,
    );
  }
  return { ...reading, encoding };
}
