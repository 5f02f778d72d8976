/**
 * What a program consumes, every way it can be started: from the menu under each key worth
 * showing (the configured one, each key of the final list, any other, `?`) and in each other
 * context (R13). Computed once here by `consume`, so that the hover, the code lens, the explain
 * views and the diagnostics render the same answers and restate no rule of their own.
 */
import { NO_MENU_KEY, type Catalog } from './catalog.js';
import { consume, type Consumption, type ExecutionContext, type Resolution } from './resolve.js';

export type MenuRow =
  /** A named menu key: the configured one, or a key of the final list (R9). */
  | { readonly kind: 'key'; readonly menuKey: string; readonly configured: boolean; readonly consumption: Consumption }
  /** Any key outside the final list, when the program has a default key: R9 falls back to it. */
  | { readonly kind: 'any-other'; readonly consumption: Consumption }
  /** Any key of the catalog, when the program has no valid key: that key is consumed (R10). */
  | { readonly kind: 'any-catalog-key' }
  /** Menu key `?` (R11). */
  | { readonly kind: 'no-menu-key'; readonly consumption: Consumption };

export interface ContextRow {
  readonly context: ExecutionContext;
  readonly consumption: Consumption;
}

export interface ConsumptionTable {
  /** The menu key the catalog configures for the program, if any. */
  readonly configuredMenuKey?: string;
  /** Under the configured menu key (or none), as a user launching it from the menu gets. */
  readonly fromMenu: Consumption;
  readonly menu: readonly MenuRow[];
  readonly contexts: readonly ContextRow[];
}

/** The contexts other than the menu, one of each kind (web stands for REST and SOAP too). */
const OTHER_CONTEXTS: readonly ExecutionContext[] = ['collector', 'web', 'rest-tpd', 'mingle', 'scheduler', 'eai-in', 'called'];

/**
 * The table of a program's consumptions. Rows are computed without dev test (R15), which sends
 * every one of them to the same slot; `fromMenu` honours it.
 */
export function consumptionTable(resolution: Resolution, catalog: Catalog): ConsumptionTable {
  const configured = catalog.menu.get(resolution.program);
  const keys = [...new Set([...(configured && configured !== NO_MENU_KEY ? [configured] : []), ...resolution.finalKeys.map((entry) => entry.key)])];
  const inMenu = (menuKey: string) => consume(resolution, catalog, { menuKey, context: 'menu', devTest: false });
  const menu: MenuRow[] = keys.map((menuKey) => ({ kind: 'key', menuKey, configured: menuKey === configured, consumption: inMenu(menuKey) }));
  const question = inMenu(NO_MENU_KEY);
  if (resolution.defaultKey) {
    // R9: a key outside the final list gets what `?` gets (R11): the default key.
    menu.push({ kind: 'any-other', consumption: question });
  } else {
    menu.push({ kind: 'any-catalog-key' }, { kind: 'no-menu-key', consumption: question });
  }
  return {
    ...(configured ? { configuredMenuKey: configured } : {}),
    fromMenu: consume(resolution, catalog, { context: 'menu' }),
    menu,
    contexts: OTHER_CONTEXTS.map((context) => ({ context, consumption: consume(resolution, catalog, { context, devTest: false }) })),
  };
}
