// `npm start`: checks the bundled examples/ workspace. The examples hold deliberate errors
// (LGX011, LGX012), so `check` exits 1 there; that is the expected result of the demo, not a
// failure of the command. Any other exit code is passed on.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../server/out/cli.js', import.meta.url));
const examples = fileURLToPath(new URL('../examples', import.meta.url));
const { status } = spawnSync(process.execPath, [cli, 'check', examples, ...process.argv.slice(2)], { stdio: 'inherit' });
if (status === 1) {
  console.log('(check exits 1 here: the examples contain deliberate errors, one per diagnostic code)');
  process.exit(0);
}
process.exit(status ?? 2);
