/**
 * Adding a key, a key's slot or a menu entry to the text of `logix-license.json` as a person
 * would: one insertion, written in the file's own style (indentation, line ends, spacing, entries
 * on one line or several), and every other byte of the file left as it was (invariant 9).
 * jsonc-parser's `modify` re-formats the whole object it touches, so a one-line entry before the
 * new one came back over five lines.
 */
import type { Node } from 'jsonc-parser';
import { parseCatalogTree } from './catalog.js';

/** Replace `length` characters at `offset` with `content` (an insertion when `length` is 0). */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

export type EntryValue = string | number | boolean;

/**
 * The edit that gives `keys[key]` the value `entry` (a flat object such as `{ "area": "SUP" }`),
 * creating `keys` if the file has none; undefined when the text is not one valid JSON object (the
 * catalog's own validation, LGX015, says what is wrong with it).
 */
export function addKeyEdit(text: string, key: string, entry: Readonly<Record<string, EntryValue>>): TextEdit | undefined {
  const root = catalogTree(text);
  if (!root) return undefined;
  const file = fileStyle(text, root);
  const entryLayout = layoutOf(text, sampleEntry(root), file);
  const renderEntry = (indent: string) => renderObject(Object.entries(entry).map(([name, value]) => [name, () => JSON.stringify(value)]), entryLayout, indent, file.eol);

  const keysProperty = memberNamed(root, 'keys');
  if (!keysProperty) {
    // A new `keys` object: one line in a one-line file, else over lines like the root's members.
    const keysLayout: Layout = { ...layoutOf(text, undefined, file), multiLine: isMultiLine(text, root) };
    return appendMember(text, root, 'keys', (indent) => renderObject([[key, renderEntry]], keysLayout, indent, file.eol), file);
  }
  const keys = keysProperty.children?.[1];
  if (keys?.type !== 'object') return undefined; // not an object: LGX015 already reports it
  const existing = memberNamed(keys, key);
  if (existing) {
    // The key is there with an entry the catalog rejects: replace that entry only.
    const value = existing.children![1]!;
    return { offset: value.offset, length: value.length, content: renderEntry(lineIndent(text, existing.offset)) };
  }
  return appendMember(text, keys, key, renderEntry, file);
}

/**
 * The edit that gives `keys[key]` the slot `slot`: a `"slot"` member appended to the key's entry
 * when it has none, or a new entry `{ "slot": … }` when the file has no such key (the built-in
 * catalog's area and description still apply to it). Undefined when the entry already has a slot
 * (a slot is never overwritten) or the text is not one valid JSON object.
 */
export function setKeySlotEdit(text: string, key: string, slot: number): TextEdit | undefined {
  const root = catalogTree(text);
  if (!root) return undefined;
  const keys = memberNamed(root, 'keys')?.children?.[1];
  const existing = keys?.type === 'object' ? memberNamed(keys, key) : undefined;
  if (!existing) return addKeyEdit(text, key, { slot });
  const entry = existing.children?.[1];
  if (entry?.type !== 'object') return undefined;
  const current = memberNamed(entry, 'slot')?.children?.[1];
  // `"slot": null` (as init writes it) is filled in place; any other slot is never overwritten.
  if (current?.type === 'null') return { offset: current.offset, length: current.length, content: String(slot) };
  if (current) return undefined;
  return appendMember(text, entry, 'slot', () => String(slot), fileStyle(text, root));
}

/**
 * The edit that adds `"program": "KEY"` to `menu`, creating `menu` if the file has none.
 * Undefined when the program already has a menu entry (in any case: the catalog reads program
 * names in lower case) or the text is not one valid JSON object.
 */
export function addMenuEdit(text: string, program: string, menuKey: string): TextEdit | undefined {
  const root = catalogTree(text);
  if (!root) return undefined;
  const file = fileStyle(text, root);
  const value: Render = () => JSON.stringify(menuKey);
  const menuProperty = memberNamed(root, 'menu');
  if (!menuProperty) {
    const layout: Layout = { ...layoutOf(text, undefined, file), multiLine: isMultiLine(text, root) };
    return appendMember(text, root, 'menu', (indent) => renderObject([[program, value]], layout, indent, file.eol), file);
  }
  const menu = menuProperty.children?.[1];
  if (menu?.type !== 'object') return undefined;
  if ((menu.children ?? []).some((member) => String(member.children?.[0]?.value).toLowerCase() === program.toLowerCase())) return undefined;
  return appendMember(text, menu, program, value, file);
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
}

/** Applies edits that all refer to `text` itself (not overlapping), as an editor applies a WorkspaceEdit. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) result = applyTextEdit(result, edit);
  return result;
}

/**
 * Edits made one after another (each on the text the previous one left) as edits of the original
 * `text`: in order, never overlapping, what an editor needs. An edit inside text a previous one
 * inserted (a second menu entry in a `menu` section the first created) joins that insertion.
 */
export function composeTextEdits(text: string, sequential: readonly TextEdit[]): TextEdit[] {
  /** The current text as pieces of the original (`from`–`to`) and inserted text. */
  type Piece = { readonly from: number; readonly to: number } | { readonly text: string };
  let pieces: Piece[] = text.length > 0 ? [{ from: 0, to: text.length }] : [];
  const lengthOf = (piece: Piece) => ('text' in piece ? piece.text.length : piece.to - piece.from);
  /** The piece before `offset` and from it, split there if needed. */
  const splitAt = (offset: number): number => {
    let start = 0;
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index]!;
      const end = start + lengthOf(piece);
      if (offset === start) return index;
      if (offset < end) {
        const cut = offset - start;
        const [left, right]: [Piece, Piece] = 'text' in piece
          ? [{ text: piece.text.slice(0, cut) }, { text: piece.text.slice(cut) }]
          : [{ from: piece.from, to: piece.from + cut }, { from: piece.from + cut, to: piece.to }];
        pieces.splice(index, 1, left, right);
        return index + 1;
      }
      start = end;
    }
    return pieces.length;
  };
  for (const edit of sequential) {
    const first = splitAt(edit.offset);
    const last = splitAt(edit.offset + edit.length);
    pieces = [...pieces.slice(0, first), ...(edit.content ? [{ text: edit.content }] : []), ...pieces.slice(last)];
  }
  // Between two kept pieces of the original: what was removed there, and what was inserted.
  const composed: TextEdit[] = [];
  let position = 0;
  let inserted = '';
  const flush = (until: number) => {
    if (until > position || inserted) composed.push({ offset: position, length: until - position, content: inserted });
    inserted = '';
  };
  for (const piece of pieces) {
    if ('text' in piece) {
      inserted += piece.text;
      continue;
    }
    flush(piece.from);
    position = piece.to;
  }
  flush(text.length);
  return composed;
}

/** The file's tree, read with the catalog's own options: a file it rejects (too deep too) is not edited. */
function catalogTree(text: string): Node | undefined {
  const { root, errors } = parseCatalogTree(text);
  return errors.length > 0 || root?.type !== 'object' ? undefined : root;
}

// ---- style -----------------------------------------------------------------------------------

interface FileStyle {
  readonly eol: string;
  /** One level of indentation: a tab, or the smallest indentation of a line in spaces. */
  readonly unit: string;
  /** Between a member's name and its value, e.g. `": "`. */
  readonly colon: string;
  /** Inside the braces of a one-line object, e.g. `{ "a": 1 }`. */
  readonly pad: string;
}

/** How an object is laid out. */
interface Layout {
  readonly multiLine: boolean;
  readonly colon: string;
  /** One line: inside the braces, and between members. */
  readonly pad: string;
  readonly separator: string;
  /** Several lines: the members' indentation beyond the line the object starts on. */
  readonly step: string;
}

function fileStyle(text: string, root: Node): FileStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The first indented line decides between tabs and spaces; of spaces, the smallest indentation
  // is one level. A file with no indented line (one line) gets two spaces, JSON.stringify's.
  const indents = text.split('\n').flatMap((line) => /^([ \t]+)\S/.exec(line)?.[1] ?? []);
  const spaces = indents.filter((indent) => indent.startsWith(' ')).map((indent) => /^ */.exec(indent)![0].length);
  const unit = indents[0]?.startsWith('\t') ? '\t' : spaces.length > 0 ? ' '.repeat(Math.min(...spaces)) : '  ';
  const first = root.children?.[0];
  const colon = first ? colonOf(text, first) : ': ';
  return { eol, unit, colon, pad: colon.endsWith(' ') ? ' ' : '' };
}

/** The layout of `sample` (an object of the file), or a one-line object in the file's spacing. */
function layoutOf(text: string, sample: Node | undefined, file: FileStyle): Layout {
  const members = sample?.children ?? [];
  const first = members[0];
  const colon = first ? colonOf(text, first) : file.colon;
  if (!sample || !isMultiLine(text, sample)) {
    const pad = first ? text.slice(sample!.offset + 1, first.offset) : file.pad;
    const separator = members.length > 1 ? text.slice(end(members[0]!), members[1]!.offset) : `,${pad}`;
    return { multiLine: false, colon, pad, separator, step: file.unit };
  }
  const outer = lineIndent(text, sample.offset);
  const inner = first ? lineIndent(text, first.offset) : '';
  const step = inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : file.unit;
  return { multiLine: true, colon, pad: file.pad, separator: `,${file.pad}`, step };
}

/** An entry of the catalog to copy the layout of: the last of `keys`, else of `areas`. */
function sampleEntry(root: Node): Node | undefined {
  for (const section of ['keys', 'areas']) {
    const entries = memberNamed(root, section)?.children?.[1];
    const objects = entries?.type === 'object' ? (entries.children ?? []).map((member) => member.children?.[1]).filter((value) => value?.type === 'object') : [];
    if (objects.length > 0) return objects[objects.length - 1];
  }
  return undefined;
}

// ---- writing ---------------------------------------------------------------------------------

type Render = (indent: string) => string;

/** The insertion of `"name": value` after the last member of `object`, laid out like its members. */
function appendMember(text: string, object: Node, name: string, value: Render, file: FileStyle): TextEdit {
  const members = object.children ?? [];
  const last = members[members.length - 1];
  const member = (indent: string, colon: string) => `${JSON.stringify(name)}${colon}${value(indent)}`;
  if (last) {
    const colon = colonOf(text, last);
    if (isMultiLine(text, object)) {
      const indent = lineIndent(text, last.offset);
      return { offset: end(last), length: 0, content: `,${file.eol}${indent}${member(indent, colon)}` };
    }
    const separator = members.length > 1 ? text.slice(end(members[members.length - 2]!), last.offset) : `,${text.slice(object.offset + 1, members[0]!.offset)}`;
    return { offset: end(last), length: 0, content: `${separator}${member('', colon)}` };
  }
  // An empty object: `{}`, `{ }` or braces on two lines.
  const inside = text.slice(object.offset + 1, end(object) - 1);
  if (inside.includes('\n')) {
    const indent = lineIndent(text, object.offset) + file.unit;
    return { offset: object.offset + 1, length: 0, content: `${file.eol}${indent}${member(indent, file.colon)}` };
  }
  return { offset: object.offset + 1, length: 0, content: inside === '' ? `${file.pad}${member('', file.colon)}${file.pad}` : `${inside}${member('', file.colon)}` };
}

function renderObject(members: readonly (readonly [string, Render])[], layout: Layout, indent: string, eol: string): string {
  if (members.length === 0) return '{}';
  if (!layout.multiLine) {
    return `{${layout.pad}${members.map(([name, value]) => `${JSON.stringify(name)}${layout.colon}${value('')}`).join(layout.separator)}${layout.pad}}`;
  }
  const inner = indent + layout.step;
  return `{${eol}${members.map(([name, value]) => `${inner}${JSON.stringify(name)}${layout.colon}${value(inner)}`).join(`,${eol}`)}${eol}${indent}}`;
}

// ---- reading ---------------------------------------------------------------------------------

function memberNamed(object: Node, name: string): Node | undefined {
  return object.children?.find((member) => member.children?.[0]?.value === name);
}

/** What stands between a member's name and its value, if on one line. */
function colonOf(text: string, member: Node): string {
  const [name, value] = member.children ?? [];
  const between = name && value ? text.slice(end(name), value.offset) : ': ';
  return between.includes('\n') ? ': ' : between;
}

function isMultiLine(text: string, node: Node): boolean {
  return text.slice(node.offset, end(node)).includes('\n');
}

/** The whitespace that begins the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function end(node: Node): number {
  return node.offset + node.length;
}
