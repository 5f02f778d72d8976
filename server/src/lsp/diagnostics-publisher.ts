/**
 * How diagnostics reach the editor: pushed (`textDocument/publishDiagnostics`, with the open
 * document's version) or, for clients that pull, a coalesced `workspace/diagnostic/refresh`. The
 * file a change touched is published at once; the files it affects (a SYSTEMKEY file re-checks
 * every program it registers) once edits pause, one per turn, so that the diagnostics of the file
 * being typed in and the hover that follows are not held back.
 */
import { TimeSlice } from '../workspace/time-slice.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';

/** Pause in edits before the files an edit affects get their diagnostics. */
const DEPENDENTS_AFTER_MS = 150;

/** What the publisher needs to know of a folder: its diagnostics, URIs and open versions. */
export interface PublishTarget {
  /** Still a current folder (a removed or re-indexed one publishes nothing more). */
  readonly current: () => boolean;
  readonly diagnosticsOf: (file: string) => Diagnostic[];
  readonly uriOf: (file: string) => string;
  /** The version of the open document of `file`, if it is open. */
  readonly versionOf: (file: string) => number | undefined;
}

export class DiagnosticsPublisher {
  private pullMode = false;
  private readonly pendingDependents = new Map<PublishTarget, Set<string>>();
  private dependentsTimer: NodeJS.Timeout | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** The files of each target whose last published diagnostics were not empty (push mode). */
  private readonly published = new WeakMap<PublishTarget, Set<string>>();

  constructor(private readonly connection: Connection, private readonly inBackground: (what: string, work: Promise<unknown>) => void) {}

  usePull(enabled: boolean): void {
    this.pullMode = enabled;
  }

  /** The first file now, the others once edits pause. */
  publish(target: PublishTarget, files: Iterable<string>): void {
    if (this.pullMode) {
      this.refreshPull();
      return;
    }
    const [first, ...rest] = files;
    if (first !== undefined) this.publishNow(target, first);
    if (rest.length === 0) return;
    const pending = this.pendingDependents.get(target) ?? new Set<string>();
    for (const file of rest) pending.add(file);
    this.pendingDependents.set(target, pending);
    clearTimeout(this.dependentsTimer);
    this.dependentsTimer = setTimeout(() => this.inBackground('publishing diagnostics', this.publishDependents()), DEPENDENTS_AFTER_MS);
  }

  /**
   * A folder's first diagnostics: every open document's (the editor shows them whatever they are)
   * and every other file that has some, pausing in slices of time so that requests are answered.
   */
  async publishAll(target: PublishTarget, files: readonly string[], open: ReadonlySet<string>): Promise<void> {
    if (this.pullMode) {
      this.refreshPull();
      return;
    }
    const slice = new TimeSlice();
    const shown = new Set(this.published.get(target) ?? []);
    for (const file of files) {
      if (!target.current()) return;
      const diagnostics = target.diagnosticsOf(file);
      if (diagnostics.length > 0 || open.has(file) || shown.has(file)) this.send(target, file, diagnostics);
      shown.delete(file);
      if (slice.due()) await slice.pause();
    }
    // Shown before (a folder re-indexed: handOver) and no longer part of it: cleared.
    for (const file of shown) if (target.current()) this.send(target, file, []);
  }

  /**
   * A folder re-indexed (a settings change): the new target takes over what the old one showed,
   * so that its first publication replaces each file's diagnostics instead of clearing them all
   * first (an open file's problems flickered away until its next edit).
   */
  handOver(from: PublishTarget, to: PublishTarget): void {
    const shown = this.published.get(from);
    this.published.delete(from);
    this.pendingDependents.delete(from);
    if (shown) this.published.set(to, shown);
  }

  /** Clears what a target showed (a folder removed), without computing anything. */
  clear(target: PublishTarget): void {
    this.pendingDependents.delete(target);
    // A pulling client asks again after a refresh, and the folder's files now answer nothing.
    if (this.pullMode) {
      this.refreshPull();
      return;
    }
    for (const file of this.published.get(target) ?? []) this.connection.sendDiagnostics({ uri: target.uriOf(file), diagnostics: [] });
    this.published.delete(target);
  }

  publishNow(target: PublishTarget, file: string): void {
    if (this.pullMode) {
      this.refreshPull();
      return;
    }
    if (target.current()) this.send(target, file, target.diagnosticsOf(file));
  }

  private async publishDependents(): Promise<void> {
    const pending = [...this.pendingDependents];
    this.pendingDependents.clear();
    for (const [target, files] of pending) {
      for (const file of files) {
        this.publishNow(target, file);
        await nextTurn();
      }
    }
  }

  private send(target: PublishTarget, file: string, diagnostics: Diagnostic[]): void {
    let published = this.published.get(target);
    if (!published) this.published.set(target, (published = new Set()));
    if (diagnostics.length > 0) published.add(file);
    else published.delete(file);
    const version = target.versionOf(file);
    this.connection.sendDiagnostics({ uri: target.uriOf(file), diagnostics, ...(version !== undefined ? { version } : {}) });
  }

  /** Asks a pull client to re-pull; coalesced so that a burst of edits asks once. */
  private refreshPull(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, 20);
  }
}
