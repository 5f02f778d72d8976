/**
 * What to check when users report "Licenças excedidas" (A5, A6), tailored to what a program
 * consumes: the slot to look at in the Monitor de Licenças, who holds it, and the License
 * Server's reachability; and, apart, the DBAccess (TOTVS TEC) licenses. Shown where a consumed
 * slot is shown (explain in full, the hover folded to one line). Plain text, no rule re-derived:
 * it reads the Consumption the engine computed.
 */
import { t } from '../l10n/messages.js';
import { quoteSource } from './quote-source.js';
import type { Consumption } from './resolve.js';

/** The checklist for a consumption, or nothing when it consumes no license. */
export function exceededChecklist(consumption: Consumption): string[] {
  if (consumption.licenseType === 'none' || consumption.licenseType === 'blocked') return [];
  const what = whatToCheck(consumption);
  return [
    t`Monitor de Licenças of the License Server, tab *Uso de Licenças*: for ${what}, is *Em Uso* equal to *Total*? (or for the Full licenses, when the license escalates to Full) (A5)`,
    t`If it is: TOTVS Developer Studio → TOTVS Application Monitor shows who holds it; the users may really be consuming every license (talk to your EAR about sizing) (A5)`,
    t`If every routine says so: the AppServer points to the right IP and port of the License Server, its service is up, and the authorization has not expired (Monitor de Licenças → "Data de vencimento da autorização de uso") (A5)`,
    t`"TopConnect: Excedeu Licenças" is about DBAccess (TOTVS TEC) licenses instead: counted per user, or per core as processors × cores per processor, Hyper-Threading not counted (A5, A6)`,
    t`Reuse of one license by several tabs of programs of the same license group (abono) is decided by the License Server and the contract, not by the program: confirm it with TOTVS (Framework)`,
  ];
}

/** The slot (with its key), or the license type, to look at in the Monitor de Licenças. */
function whatToCheck(consumption: Consumption): string {
  if (consumption.licenseType !== 'slot') {
    return t({ message: 'license type {0}', args: [consumption.licenseType], comment: 'the license type to look at in the Monitor de Licenças: T or I' });
  }
  const slot = consumption.slot;
  if (slot === undefined || slot === null) {
    return consumption.key
      ? t`the slot of ${quoteSource(consumption.key)} (not in the catalog yet: add it to see its number here)`
      : t`the slot of the consumed key (not in the catalog yet: add it to see its number here)`;
  }
  return consumption.key
    ? t({ message: 'slot {0} ({1})', args: [slot, quoteSource(consumption.key)], comment: 'the slot to look at in the Monitor de Licenças, and its key' })
    : t({ message: 'slot {0}', args: [slot], comment: 'the slot to look at in the Monitor de Licenças' });
}

/** The checklist folded to one line, for the hover. */
export function exceededChecklistLine(consumption: Consumption): string | undefined {
  if (consumption.licenseType === 'none' || consumption.licenseType === 'blocked') return undefined;
  const what = consumption.licenseType === 'slot' && consumption.slot !== undefined && consumption.slot !== null
    ? t({ message: 'slot {0}', args: [consumption.slot], comment: 'the slot to look at in the Monitor de Licenças' })
    : consumption.licenseType === 'slot'
      ? t({ message: 'its slot', comment: 'the slot to look at in the Monitor de Licenças, its number unknown' })
      : t({ message: 'type {0}', args: [consumption.licenseType], comment: 'the license type to look at in the Monitor de Licenças: T or I' });
  return t`*Licenças excedidas?* Monitor de Licenças → *Uso de Licenças*: ${what}, *Em Uso* vs *Total*; TOTVS Application Monitor for who holds it; the License Server's IP, port, service and authorization date. "TopConnect: Excedeu Licenças" is DBAccess (A5, A6). Reuse between tabs (abono) is the License Server's and the contract's to decide.`;
}
