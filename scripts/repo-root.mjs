// The repository's root folder, for the scripts and the end-to-end runner. fileURLToPath, not
// URL.pathname, so a checkout under a path with spaces or non-ASCII characters works.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
