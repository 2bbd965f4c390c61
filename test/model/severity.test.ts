import { describe, expect, it } from 'vitest';
import { atOrAbove, compareSeverity, RISK_ORDER, riskRank, worstOpenRisk } from '../../src/model/severity.js';

describe('the severity order', () => {
  it('puts the worst first and none last', () => {
    expect(RISK_ORDER).toEqual(['critical', 'high', 'medium', 'low', 'info', 'none']);
    expect(riskRank('critical')).toBeLessThan(riskRank('info'));
    expect(['low', 'critical', 'info', 'high'].sort((a, b) => compareSeverity(a as 'low', b as 'low'))).toEqual(['critical', 'high', 'low', 'info']);
  });

  it('compares against a threshold as --fail-on does', () => {
    expect(atOrAbove('high', 'medium')).toBe(true);
    expect(atOrAbove('medium', 'medium')).toBe(true);
    expect(atOrAbove('low', 'medium')).toBe(false);
  });

  it('takes the worst open finding; settled ones do not count', () => {
    expect(worstOpenRisk([])).toBe('none');
    expect(worstOpenRisk([{ severity: 'low' }, { severity: 'high' }, { severity: 'medium' }])).toBe('high');
    expect(worstOpenRisk([{ severity: 'critical', settledBy: 'answer' }, { severity: 'low' }])).toBe('low');
  });
});
