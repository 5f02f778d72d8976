// The catalog's JSON Schema (server/data/logix-license.schema.json) compiled to code while
// bundling, with ajv's standalone mode: the server and the CLI ship the validator, not ajv's
// compiler, and no process spends tens of milliseconds compiling the schema at start-up. Sources
// import it as `virtual:logix-license-validator` (typed in server/src/license/catalog-validator.d.ts).
import Ajv from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root.mjs';

const SPECIFIER = 'virtual:logix-license-validator';
const SCHEMA = join(repoRoot, 'server', 'data', 'logix-license.schema.json');

/** The options the schema is compiled with (test/unit/catalog-schema.test.ts compiles it strictly on its own, to check the schema itself). */
export const AJV_OPTIONS = {
  // Every problem of the file at once, as the editor shows them.
  allErrors: true,
  // A keyword ajv does not know, or one that cannot apply to its type, is an error in the schema.
  strict: true,
  allowUnionTypes: true,
};

/** @type {import('esbuild').Plugin} */
export const catalogValidator = {
  name: 'logix-license-validator',
  setup(build) {
    build.onResolve({ filter: /^virtual:logix-license-validator$/ }, () => ({ path: SPECIFIER, namespace: 'logix-license-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'logix-license-validator' }, () => {
      const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
      const code = standalone.default(ajv, ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8'))));
      return { contents: code, loader: 'js', resolveDir: repoRoot, watchFiles: [SCHEMA] };
    });
  },
};
