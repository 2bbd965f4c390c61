// Imports point down the pipeline only (order in pipeline-stages.ts, explained in docs/adding.md).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importViolations, relativeImports } from './pipeline-stages.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

describe('import direction', () => {
  it('no file in src imports a later pipeline stage', () => {
    const imports = relativeImports(SRC);
    expect(imports.length).toBeGreaterThan(300);
    expect(importViolations(SRC, imports)).toEqual([]);
  });

  it('flags an import up the pipeline, a scanner import in a mock and an unplaced folder', () => {
    const at = (path: string) => join(SRC, path);
    const problems = importViolations(SRC, [
      { from: at('knowledge/check-knowledge.ts'), to: at('checks/version.js') },
      { from: at('discovery/discover.ts'), to: at('identify/oui.js') },
      { from: at('mocks/tcp/web-persona.ts'), to: at('checks/login/http-auth.js') },
      { from: at('checks/run-checks.ts'), to: at('mocks/runner.js') },
      { from: at('newstage/x.ts'), to: at('model.js') },
      { from: at('checks/ftp.ts'), to: at('util/limit.js') },
      { from: at('report/view.ts'), to: at('advice/order.js') },
    ]);
    expect(problems).toEqual([
      'knowledge/check-knowledge.ts imports checks/version.js: checks comes after knowledge in the pipeline',
      'discovery/discover.ts imports identify/oui.js: identify comes after discovery in the pipeline',
      'mocks/tcp/web-persona.ts imports checks/login/http-auth.js: the mock fleet imports only util, model, protocols and knowledge',
      'checks/run-checks.ts imports mocks/runner.js: only commands and bench start the mock fleet',
      'newstage/x.ts imports model.js: newstage has no place in STAGE_RANK',
    ]);
  });
});
