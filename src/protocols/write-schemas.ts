// `npm run schemas`: fills the schemas' enums from the tables (see schema-enums.ts).

import { writeSchemaEnums } from './schema-enums.js';

const changed = writeSchemaEnums();
process.stdout.write(changed.length === 0 ? 'schema/: enums already match the tables\n' : `schema/: rewrote ${changed.join(', ')}\n`);
