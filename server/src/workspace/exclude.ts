/**
 * Which files and folders are not indexed: `logix.exclude`, the editor's `files.exclude` and the
 * folders no Logix workspace wants scanned, as globs (picomatch) over `/`-separated paths relative
 * to the workspace folder. Discovery and the watcher's events both ask this one matcher, so a file
 * skipped at start-up is also skipped when it changes on disk.
 */
import picomatch from 'picomatch';

/** Folders no Logix workspace wants scanned; user globs add to these. */
const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/.svn/**'];

export interface ExcludeMatcher {
  /** Whether the file or folder is excluded: it, or one of the folders it lies in, matches a glob. */
  (relativePath: string): boolean;
  /**
   * Whether the path itself matches, for a walk that never enters an excluded folder (its parents
   * are known not to match; testing them again cost a walk of 20,000 files four times as much).
   */
  readonly itself: (relativePath: string) => boolean;
}

/** The default and the given globs, compiled once. */
export function excludeMatcher(excludes: readonly string[] = []): ExcludeMatcher {
  // `*` and `**` match dot-folders too, as in files.exclude. Case is ignored: Logix sources come
  // from Windows, where `Backup` and `backup` are one folder. A trailing `/` (a folder) would never
  // match a path, which carries none; the folder test below gives it its meaning. An empty glob is
  // an empty settings entry, not a glob (picomatch rejects it).
  const globs = [...DEFAULT_EXCLUDES, ...excludes].map((glob) => glob.replace(/\/+$/, '')).filter((glob) => glob !== '');
  const itself = picomatch(globs, { dot: true, nocase: true });
  const matcher = (relativePath: string): boolean => {
    if (itself(relativePath)) return true;
    // `**/backup` names a folder: like files.exclude, it excludes everything in it.
    for (let slash = relativePath.indexOf('/'); slash !== -1; slash = relativePath.indexOf('/', slash + 1)) {
      if (itself(relativePath.slice(0, slash))) return true;
    }
    return false;
  };
  return Object.assign(matcher, { itself });
}
