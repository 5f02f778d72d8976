/**
 * `files.exclude`-style globs (`**` any folders, `*` within a name, `?` one character,
 * `{a,b}` alternatives) matched against `/`-separated relative paths.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slashFollows = glob[index + 2] === '/';
        pattern += slashFollows ? '(?:.*/)?' : '.*';
        index += slashFollows ? 2 : 1;
      } else {
        pattern += '[^/]*';
      }
    } else if (char === '?') {
      pattern += '[^/]';
    } else if (char === '{') {
      const close = glob.indexOf('}', index);
      if (close === -1) {
        pattern += '\\{';
      } else {
        pattern += `(?:${glob.slice(index + 1, close).split(',').map(escape).join('|')})`;
        index = close;
      }
    } else {
      pattern += escape(char);
    }
  }
  return new RegExp(`^${pattern}$`, 'i');
}

export function matchesAny(path: string, globs: readonly RegExp[]): boolean {
  return globs.some((glob) => glob.test(path));
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}
