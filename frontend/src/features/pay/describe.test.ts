import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, setLanguage } from '../../core/i18n';
import { payLine, paySummary } from './describe';

describe('what a tier pays, in words', () => {
  beforeAll(() => loadLanguage('es'));
  afterEach(() => setLanguage('en'));
  it('names each kind with its amount and funding source', () => {
    expect(payLine({ kind: 'STIPEND', cents: 7500, fundingSource: 'Title II-A' })).toBe('$75 one-time stipend (Title II-A)');
    expect(payLine({ kind: 'SALARY_INCREASE', cents: 40000, fundingSource: 'District', effective: 'NEXT_CONTRACT_YEAR' }))
      .toBe('$400 a year added to base salary from the next contract year (District)');
    expect(payLine({ kind: 'SALARY_INCREASE', cents: 25050, effective: 'ON_DATE', effectiveOn: '2027-01-01' }))
      .toBe('$250.50 a year added to base salary from Jan 1, 2027');
    expect(payLine({ kind: 'RELEASE_TIME', cents: 0, quantity: 2, releaseUnit: 'DAYS' })).toBe('2 days of release time');
    expect(payLine({ kind: 'COURSE_CREDIT', cents: 0, quantity: 3, creditType: 'graduate credits', grantingBody: 'Alverno College' }))
      .toBe('3 graduate credits from Alverno College');
    expect(payLine({ kind: 'NONE', cents: 0 })).toBe('No pay');
    expect(payLine(null)).toBe('No pay');
  });
  it('lists a template’s different pays once each', () => {
    const stipend = { kind: 'STIPEND' as const, cents: 7500, fundingSource: 'State' };
    expect(paySummary([stipend, stipend, { kind: 'NONE', cents: 0 }, null])).toBe('$75 one-time stipend (State)');
  });
  it('in Spanish', () => {
    setLanguage('es');
    expect(payLine({ kind: 'SALARY_INCREASE', cents: 40000, effective: 'NEXT_CONTRACT_YEAR' })).toBe('$400 al año sumados al salario base desde el próximo año de contrato');
  });
});
