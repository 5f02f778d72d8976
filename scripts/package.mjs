// `npm run package`: the .vsix. The extension is bundled (esbuild), so the package holds no
// node_modules: a staging folder gets minified bundles (scripts/build.mjs --production) and the
// static files that .vscodeignore allows, and @vscode/vsce packs that folder with the same
// allow-list. The result is then read back and checked: what the manifest needs is there, every
// bundle built is shipped, and no sources, tests, source maps or node_modules are.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot as root } from './repo-root.mjs';
import { vsixEntries } from './vsix-contents.mjs';

const stage = join(root, 'build', 'vsix');
const BUNDLE_FOLDERS = ['client/out/', 'server/out/'];

const withoutDotSlash = (path) => path.replace(/^\.\//, '');
/** vsce ships these two under fixed names (the Marketplace's details page and license). */
const VSCE_NAMES = { 'README.md': 'readme.md', LICENSE: 'LICENSE.txt' };
const shippedName = (path) => VSCE_NAMES[path] ?? path;

/** The READMEs shipped: the English one (the extension's page) and its Portuguese mirror. */
const READMES = ['README.md', 'README.pt-BR.md'];

/** The relative image paths the READMEs show (`![…](docs/x.png)`). */
function readmeImages() {
  const text = READMES.map((name) => readFileSync(join(root, name), 'utf8')).join('\n');
  return [...new Set([...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]))].filter((path) => !/^[a-z]+:/i.test(path));
}

/** The `l10n` folder's bundles (`bundle.l10n.<language>.json`): `vscode.l10n.t` reads them. */
function l10nBundles(manifest) {
  if (!manifest.l10n) return [];
  const folder = withoutDotSlash(manifest.l10n).replace(/\/$/, '');
  if (!existsSync(join(root, folder))) return [folder];
  return readdirSync(join(root, folder)).filter((name) => /^bundle\.l10n\..+\.json$/.test(name)).map((name) => `${folder}/${name}`);
}

/** The files the manifest points at: without any of them VS Code fails to load a contribution. */
function manifestFiles(manifest) {
  const contributes = manifest.contributes ?? {};
  return [
    'package.json',
    'README.md',
    'LICENSE',
    manifest.main,
    ...l10nBundles(manifest),
    ...(contributes.languages ?? []).map((language) => language.configuration),
    ...(contributes.grammars ?? []).map((grammar) => grammar.path),
    ...(contributes.jsonValidation ?? []).map((validation) => validation.url).filter((url) => !/^\w+:/.test(url)),
  ].filter(Boolean).map(withoutDotSlash);
}

/** The `!path` lines of .vscodeignore: plain paths, no globs. */
function allowListed() {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
  return lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
}

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * @param {{ out?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ path: string, size: number, files: string[] }>}
 */
export async function packageVsix(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const required = manifestFiles(manifest);
  const missingSources = required.filter((path) => !BUNDLE_FOLDERS.some((folder) => path.startsWith(folder)) && !existsSync(join(root, path)));
  if (missingSources.length > 0) {
    throw new Error(`cannot package: ${missingSources.join(', ')} ${missingSources.length === 1 ? 'is' : 'are'} missing, and package.json (main or contributes) points at ${missingSources.length === 1 ? 'it' : 'them'}. Add the file(s), or remove the contribution.`);
  }

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', stage], { cwd: root, stdio: 'inherit' });
  const built = filesUnder(stage).map((path) => relative(stage, path).split('\\').join('/'));
  for (const path of [...allowListed(), '.vscodeignore']) {
    if (BUNDLE_FOLDERS.some((folder) => path.startsWith(folder)) || !existsSync(join(root, path))) continue;
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    copyFileSync(join(root, path), join(stage, path));
  }

  const out = options.out ?? join(root, `${manifest.name}-${manifest.version}.vsix`);
  rmSync(out, { force: true });
  // Loaded here so `npm test` without the dev dependencies fails with a clear import error only when packaging.
  const { createVSIX } = await import('@vscode/vsce');
  await createVSIX({
    cwd: stage,
    packagePath: out,
    dependencies: false, // bundled: nothing from node_modules is shipped
    allowMissingRepository: true, // no public repository yet
    // README links and images are relative (docs/, ARCHITECTURE.md); with no repository to make
    // them absolute, vsce would refuse them.
    rewriteRelativeLinks: false,
  });

  const entries = vsixEntries(out);
  const files = entries.map((entry) => entry.name).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  const problems = [
    ...required.filter((path) => !files.includes(shippedName(path))).map((path) => `missing ${shippedName(path)} (package.json needs it)`),
    ...built.filter((path) => !files.includes(path)).map((path) => `missing ${path} (built, but not allowed by .vscodeignore)`),
    ...files.filter((path) => /(^|\/)node_modules\//.test(path)).map((path) => `node_modules shipped: ${path}`),
    ...files.filter((path) => /\.(ts|map|tsbuildinfo)$/.test(path) || /(^|\/)(src|test)\//.test(path)).map((path) => `source or test shipped: ${path}`),
    // The README's images are shown by the editor from the installed extension: each must be in it.
    ...readmeImages().filter((path) => !files.includes(path)).map((path) => `README image ${path} not in the package`),
    ...(manifest.icon && !files.includes(manifest.icon) ? [`icon ${manifest.icon} not in the package`] : []),
    // The manifest's %placeholders% are filled from these: without them VS Code shows the keys.
    // (The extension's own messages come from the l10n bundles, required above with the manifest.)
    ...['package.nls.json', 'package.nls.pt-br.json', 'changelog.md'].filter((path) => !files.includes(path)).map((path) => `missing ${path} (vsce names the changelog changelog.md)`),
    // TOTVS' extension contributes source.4gl too: whichever loads last would win both files.
    ...(manifest.contributes?.grammars ?? []).filter((grammar) => grammar.scopeName === 'source.4gl').map((grammar) => `grammar ${grammar.path} claims scope source.4gl, which TOTVS' extension owns`),
  ];
  if (problems.length > 0) throw new Error(`the .vsix is wrong:\n  ${problems.join('\n  ')}`);
  const size = statSync(out).size;
  // vsce has listed the files above; this line is the checked result.
  log(`package: ${relative(root, out)}, ${(size / 1024).toFixed(0)} KiB, ${files.length} files, checked: no node_modules, sources, tests or source maps`);
  return { path: out, size, files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outIndex = process.argv.indexOf('--out');
  packageVsix(outIndex >= 0 ? { out: process.argv[outIndex + 1] } : {}).catch((error) => {
    console.error(`package: ${error.message}`);
    process.exit(1);
  });
}
