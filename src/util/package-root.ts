// Where the package lives, so every stage can find its data files without importing a later one.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: knowledge/, schema/ and mocks/ live here, in the source tree and in dist alike. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
