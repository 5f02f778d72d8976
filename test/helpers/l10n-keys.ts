/**
 * The messages a source tree says, read the way `@vscode/l10n` and `vscode.l10n` key them: the
 * English text of every `t(…)` / `l10n.t(…)` call, a tagged template t`a ${x} b` keyed `a {0} b`,
 * the object form `{ message, comment }` keyed `message/comment`. A call whose text is not written
 * in the call (a variable, a concatenation) is returned apart: no bundle could translate it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageUse {
  readonly key: string;
  readonly where: string;
}

export interface SourceMessages {
  readonly messages: readonly MessageUse[];
  readonly unreadable: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Whether `node` names the localizing function: `t` or `<anything>.t` (`l10n.t`, `vscode.l10n.t`). */
function isTranslator(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 't';
  return ts.isPropertyAccessExpression(node) && node.name.text === 't' && /\bl10n$/.test(node.expression.getText());
}

function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

function templateKey(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span, index) => `{${index}}${span.literal.text}`).join('');
}

function keyOfCall(call: ts.CallExpression): string | undefined {
  const [first] = call.arguments;
  if (!first) return undefined;
  const text = literalText(first);
  if (text !== undefined) return text;
  if (!ts.isObjectLiteralExpression(first)) return undefined;
  let message: string | undefined;
  let comment = '';
  for (const property of first.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = property.name.getText();
    if (name === 'message') message = literalText(property.initializer);
    if (name === 'comment') {
      const value = property.initializer;
      comment = ts.isArrayLiteralExpression(value) ? value.elements.map((element) => literalText(element) ?? '').join('') : literalText(value) ?? '';
    }
  }
  return message === undefined ? undefined : comment ? `${message}/${comment}` : message;
}

/** Every message said under `dirs` (relative to `root`). */
export function sourceMessages(root: string, dirs: readonly string[]): SourceMessages {
  const messages: MessageUse[] = [];
  const unreadable: string[] = [];
  for (const file of dirs.flatMap((dir) => sourceFiles(join(root, dir)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && isTranslator(node.tag)) messages.push({ key: templateKey(node.template), where: where(node) });
      else if (ts.isCallExpression(node) && isTranslator(node.expression)) {
        const key = keyOfCall(node);
        if (key === undefined) unreadable.push(`${where(node)}: ${node.getText().slice(0, 80)}`);
        else messages.push({ key, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, unreadable };
}

/** The placeholders of a message (`{0}`, `{name}`), sorted, repeats kept once. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!))].sort();
}

/** A bundle entry's text: a string, or the object form `{ message, comment }`. */
export function textOf(value: string | { readonly message: string } | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.message;
}

/**
 * What a translation must keep of its English text, sorted: backquoted names, rule numbers (R5,
 * A6), diagnostic codes and the catalog file's name.
 */
export function quotedTokens(text: string): string[] {
  return [...text.matchAll(/`[^`]+`|\bR\d+\b|\bA\d\b|\bLGX\d{3}\b|\blogix-license\.json\b/g)].map((match) => match[0]).sort();
}
