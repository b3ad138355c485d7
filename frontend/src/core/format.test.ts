import { afterEach, describe, expect, it } from 'vitest';
import { age, date, hours, money } from './format';
import { setLanguage } from './i18n';

describe('formatting', () => {
  afterEach(() => setLanguage('en'));
  it('money in US dollars, cents only when there are some', () => {
    expect(money(30000)).toBe('$300');
    expect(money(12345)).toBe('$123.45');
    expect(money(0)).toBe('$0');
  });
  it('dates as a US reader writes them', () => {
    expect(date('2026-03-05T12:00:00Z')).toBe('Mar 5, 2026');
    expect(date(undefined)).toBe('');
  });
  it('waiting times in words', () => {
    expect(age(0)).toBe('under an hour');
    expect(age(1)).toBe('1 hour');
    expect(age(47)).toBe('47 hours');
    expect(age(72)).toBe('3 days');
  });
  it('median time to decision', () => {
    expect(hours(null)).toBe('no decisions yet');
    expect(hours(5)).toBe('5.0 hours');
    expect(hours(72)).toBe('3.0 days');
  });
  it('in Spanish: US dollars, day before month, words in Spanish', () => {
    setLanguage('es');
    expect(money(30000)).toBe('$300');
    expect(date('2026-03-05T12:00:00Z')).toBe('5 mar 2026');
    expect(age(0)).toBe('menos de una hora');
    expect(age(1)).toBe('1 hora');
    expect(age(72)).toBe('3 días');
    expect(hours(null)).toBe('aún no hay decisiones');
    expect(hours(5)).toBe('5.0 horas');
  });
});
