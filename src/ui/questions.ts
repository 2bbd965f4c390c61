// The things the network cannot show that the user can tell us from the detail view. The question id
// is the key the checks read in `answers[deviceId][questionId]`.

import type { AnswerableQuestion } from './types.js';

export const DEFAULT_QUESTIONS: AnswerableQuestion[] = [
  {
    check: 'missing-mfa',
    questionId: 'mfa-enabled',
    value: true,
    prompt: {
      nl: 'tweestapsverificatie staat aan voor dit account',
      en: 'two-step verification (MFA) is on for this account',
    },
  },
];
