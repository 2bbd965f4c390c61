// The advice stage's public seam.
export { advise, type AdviseInput, type AdviseOptions } from './advise.js';
export { topActions, orderAdvice, priorityOf } from './order.js';
export { loadAdviceKnowledge, defaultAdviceKnowledge, ADVICE_DIR, ADVICE_SCHEMA, type LoadAdviceOptions } from './load.js';
export { describeDevice } from './values.js';
export type { AdviceKnowledge, AdviceLabels, AdviceTemplate, StepEntry, KindLabel } from './types.js';
export { shortTitle } from './short-title.js';
export { settledText, answeredQuestion } from './answer-text.js';
export { inLanguage } from './phrase-text.js';
