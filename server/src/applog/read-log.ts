/**
 * The reader of the AppServer debug log (`logix.license.debug = 1`): the runs of programs it
 * records, each with its per-area lists, its FINAL list, its menu key and the slot in use. Pure:
 * text in, data out.
 *
 * Real logs are untidy, and the reader takes them as they come:
 * - console logs prefix every line with `[Thread N] ` and interleave threads: lines are grouped by
 *   thread (lines without a prefix form one group of their own);
 * - lines of other subsystems, of the License Server conversation the reader does not need, and
 *   the product's own lines of a simulated log (starting with `#`) are skipped;
 * - times at line ends (`… SUP 12:53:05`), CRLF, non-breaking spaces;
 * - text damaged by a wrong code page (`Licenþa`, `LicenÃ§a`, `Aplicaþòo`, `Licen?a`, accents
 *   dropped): every accented word is matched by its ASCII start and whatever follows, and the
 *   structure of the line (`Aplicação X - licenças LABEL = LIST`) does the rest.
 *
 * A run starts at the first `Aplicação X - licenças …` line of a thread and ends at its
 * `Slot atual em uso N` line or at the next run of that thread.
 */

/** One of the lists the AppServer prints before the FINAL one. */
export interface LoggedList {
  /** `Área padrão PRD` (the program's own area file), `da aplicação` (its own declaration), `Área SUP` (another area, R7). */
  readonly kind: 'own-area' | 'declared' | 'other-area';
  /** The area of an `Área …` list. */
  readonly area?: string;
  readonly keys: readonly string[];
  /** 1-based. */
  readonly line: number;
}

/** Where the slot of a run was read, from the strongest evidence to the weakest. */
export type SlotEvidence = 'slot-in-use' | 'cloud' | 'slot-id' | 'module-id';

export interface LoggedRun {
  /** Lower case. */
  readonly program: string;
  /** The thread id of `[Thread N]`, absent when the lines carry none. */
  readonly thread?: string;
  /** 1-based line of the run's first `Aplicação X` line. */
  readonly line: number;
  /** 1-based line of the run's last line read. */
  readonly endLine: number;
  readonly lists: readonly LoggedList[];
  /** The FINAL list; absent when the log does not show it. */
  readonly finalKeys?: readonly string[];
  /** `Licença menu = KEY` (`?` included). */
  readonly menuKey?: string;
  readonly slot?: number;
  readonly slotEvidence?: SlotEvidence;
  /**
   * The key the run consumed (R9): the menu key when it is in FINAL, else the first key of FINAL;
   * with an empty FINAL list, the menu key unless it is `?` (R10).
   */
  readonly consumedKey?: string;
}

export interface LogReading {
  /** In the order they start. */
  readonly runs: readonly LoggedRun[];
  readonly lineCount: number;
}

const THREAD = /\[\s*Thread\s+(\d+)\s*\]/i;
/** `Aplicação MAN10021 - licenças Área SUP = ESTOQ,SUPCON` with any word damaged. */
const APPLICATION = /Aplica\S*\s+([A-Za-z0-9_]+)\s*-\s*licen\S*\s+(.*?)\s*=(.*)$/i;
/** The key list at the start of a list's text; a time or anything else after it is left out. */
const KEY_LIST = /^\s*((?:[A-Za-z0-9_]+\s*,\s*)*[A-Za-z0-9_]+)\s*,?(?=\s|$)/;
const MENU_KEY = /Licen\S*\s+menu\s*=\s*(\S*)/i;
const SLOT_IN_USE = /Slot\s+atual\s+em\s+uso\s*[:=]?\s*(\d+)/i;
const CLOUD = /Obtendo\s+licen\S*\s+Cloud\s*\(\s*(\d+)\s*\)/i;
const GET_LICENSE = /"method"\s*:\s*"getLicense"/i;
const MODULE_ID = /"moduleId"\s*:\s*"?\s*(\d+)/i;
const SLOT_ID = /"slotId"\s*:\s*"?\s*(\d+)/i;
const ROUTINE = /"routine"\s*:\s*"([^"]*)"/i;

const EVIDENCE_STRENGTH: Record<SlotEvidence, number> = { 'module-id': 1, 'slot-id': 2, cloud: 3, 'slot-in-use': 4 };

interface OpenRun {
  program: string;
  thread?: string;
  line: number;
  endLine: number;
  lists: LoggedList[];
  finalKeys?: string[];
  menuKey?: string;
  slot?: number;
  slotEvidence?: SlotEvidence;
}

export function readDebugLog(text: string): LogReading {
  const lines = text.split(/\r\n|\n|\r/);
  const runs: OpenRun[] = [];
  /** The run each thread has open ('' for lines without a thread prefix). */
  const open = new Map<string, OpenRun>();

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/^\uFEFF/, '');
    if (/^\s*#/.test(line)) return; // the product's own lines in a simulated log
    const threadMatch = THREAD.exec(line);
    const thread = threadMatch?.[1] ?? '';
    const current = open.get(thread);

    const application = APPLICATION.exec(line);
    if (application) {
      const program = application[1]!.toLowerCase();
      const label = application[2]!.replace(/\s+/g, ' ').trim();
      const keys = keyList(application[3]!);
      let run = current;
      if (!run || run.program !== program || run.finalKeys !== undefined || repeats(run, label)) {
        run = { program, line: lineNumber, endLine: lineNumber, lists: [], ...(threadMatch ? { thread } : {}) };
        runs.push(run);
        open.set(thread, run);
      }
      run.endLine = lineNumber;
      if (/^final$/i.test(label)) {
        run.finalKeys = keys;
      } else {
        const list = listOf(label, keys, lineNumber);
        if (list) run.lists.push(list);
      }
      return;
    }
    if (!current) return;

    const menu = MENU_KEY.exec(line);
    if (menu) {
      current.endLine = lineNumber;
      const key = menu[1]!.trim().toUpperCase();
      if (key) current.menuKey = key;
      else delete current.menuKey;
      return;
    }
    const inUse = SLOT_IN_USE.exec(line);
    if (inUse) {
      current.endLine = lineNumber;
      noteSlot(current, Number(inUse[1]), 'slot-in-use');
      open.delete(thread); // the run ends here
      return;
    }
    const cloud = CLOUD.exec(line);
    if (cloud) {
      current.endLine = lineNumber;
      noteSlot(current, Number(cloud[1]), 'cloud');
      return;
    }
    const moduleId = GET_LICENSE.test(line) ? MODULE_ID.exec(line) : null;
    const slotId = moduleId ? null : SLOT_ID.exec(line);
    if (moduleId || slotId) {
      // A request for another routine (a program called by this one, R14) is not this run's.
      const routine = ROUTINE.exec(line)?.[1]?.trim().toLowerCase();
      if (routine && routine !== current.program) return;
      current.endLine = lineNumber;
      if (moduleId) noteSlot(current, Number(moduleId[1]), 'module-id');
      else noteSlot(current, Number(slotId![1]), 'slot-id');
    }
  });

  return { runs: runs.map(finish), lineCount: lines.length };
}

/** Keys as the runtime writes them: upper case, in order, duplicates kept. */
function keyList(text: string): string[] {
  const match = KEY_LIST.exec(text.replace(/\u00a0/g, ' '));
  if (!match) return [];
  return match[1]!.split(',').map((key) => key.trim().toUpperCase()).filter((key) => key !== '');
}

function listOf(label: string, keys: string[], line: number): LoggedList | undefined {
  const own = /^\S*rea\s+padr\S*\s+([A-Za-z0-9_]+)$/i.exec(label);
  if (own) return { kind: 'own-area', area: own[1]!.toUpperCase(), keys, line };
  if (/^da\s+aplica\S*$/i.test(label)) return { kind: 'declared', keys, line };
  const other = /^\S*rea\s+([A-Za-z0-9_]+)$/i.exec(label);
  if (other) return { kind: 'other-area', area: other[1]!.toUpperCase(), keys, line };
  return undefined;
}

/** A list the open run already has: the program is being loaded again, so a new run begins. */
function repeats(run: OpenRun, label: string): boolean {
  const list = listOf(label, [], 0);
  return list !== undefined && run.lists.some((seen) => seen.kind === list.kind && seen.area === list.area);
}

function noteSlot(run: OpenRun, slot: number, evidence: SlotEvidence): void {
  // Slot 0 is no slot (nothing in use).
  if (!(slot > 0)) return;
  if (run.slotEvidence && EVIDENCE_STRENGTH[run.slotEvidence] > EVIDENCE_STRENGTH[evidence]) return;
  run.slot = slot;
  run.slotEvidence = evidence;
}

function finish(run: OpenRun): LoggedRun {
  const consumedKey = consumedKeyOf(run.finalKeys, run.menuKey);
  return {
    program: run.program,
    ...(run.thread !== undefined ? { thread: run.thread } : {}),
    line: run.line,
    endLine: run.endLine,
    lists: run.lists,
    ...(run.finalKeys !== undefined ? { finalKeys: run.finalKeys } : {}),
    ...(run.menuKey !== undefined ? { menuKey: run.menuKey } : {}),
    ...(run.slot !== undefined ? { slot: run.slot, slotEvidence: run.slotEvidence! } : {}),
    ...(consumedKey !== undefined ? { consumedKey } : {}),
  };
}

/** R9: the menu key when it is in FINAL, else FINAL's first key; an empty FINAL: the menu key (R10), never `?` (R11). */
export function consumedKeyOf(finalKeys: readonly string[] | undefined, menuKey: string | undefined): string | undefined {
  if (finalKeys && finalKeys.length > 0) return menuKey && finalKeys.includes(menuKey) ? menuKey : finalKeys[0];
  return menuKey && menuKey !== '?' ? menuKey : undefined;
}
