import { describe, expect, it } from 'vitest';
import { SCALES, describeField, emptyContent, keysFromTitles, newRenewalTier, parsePeriod, plainMessage, slug, toPeriod } from './draft';

describe('keys made from titles', () => {
  it('derives unique keys and carries prerequisites over to the new tier keys', () => {
    const c = emptyContent();
    c.tiers[0].title = 'Research & Plan';
    c.tiers.push({ ...structuredClone(c.tiers[0]), key: 'tier-2', title: 'Research & plan!', requires: ['tier-1'] });
    c.tiers[1].requirements[0].criteria[0].name = '';
    keysFromTitles(c);
    expect(c.tiers.map((t) => t.key)).toEqual(['research-plan', 'research-plan-2']);
    expect(c.tiers[1].requires).toEqual(['research-plan']);
    expect(c.tiers[1].requirements[0].key).toBe('reflection');
    expect(c.tiers[1].requirements[0].criteria[0].key).toBe('criterion-1');
  });
  it('keeps keys valid for titles without letters and for long titles', () => {
    expect(slug('¿¿??')).toBe('');
    expect(slug('A'.repeat(80)).length).toBeLessThanOrEqual(40);
    expect(slug('Café au lait')).toBe('cafe-au-lait');
  });
});

describe('durations as number and unit', () => {
  it('round-trips what the editor shows and sends', () => {
    expect(toPeriod(3, 'Y')).toBe('P3Y');
    expect(parsePeriod('P18M')).toEqual({ amount: 18, unit: 'M' });
    expect(toPeriod(null, 'Y')).toBeNull();
    expect(toPeriod(0, 'Y')).toBeNull();
    expect(toPeriod(2.5, 'Y')).toBeNull();
    expect(parsePeriod('P1Y6M')).toBeNull();
  });
});

describe('problems in plain words', () => {
  it('names fields the way the form shows them', () => {
    const c = emptyContent();
    c.tiers[0].title = 'Circles';
    expect(describeField('tiers[0].requirements[0].prompt', c)).toBe('Tier 1 “Circles” › Requirement 1 “Reflection” › Prompt to the teacher');
    expect(describeField('tiers[0].requirements[0].criteria[0].descriptors[1]', c))
      .toBe('Tier 1 “Circles” › Requirement 1 “Reflection” › Criterion 1 › Description for “On track”');
    expect(describeField('artwork', c)).toBe('Badge artwork');
  });
  it('rewrites validator messages without paths or jargon', () => {
    expect(plainMessage('is required: a data: URI of a PNG or SVG image')).toBe('is missing');
    expect(plainMessage('is 120000 bytes; the limit is 98304')).toBe('is 117 KB; the most is 96 KB');
    expect(plainMessage('a reflection needs minWords and maxWords')).toBe('needs a minimum and a maximum number of words');
  });
});

describe('the renewal tier', () => {
  it('keeps its key "renewal" whatever its title, keys its requirements from their titles, and names its fields', () => {
    const c = emptyContent();
    c.validFor = 'P3Y';
    c.renewal = { kind: 'TIER', tier: newRenewalTier(SCALES().two) };
    c.renewal.tier!.title = 'Current practice';
    c.renewal.tier!.requirements[0].title = 'What changed';
    keysFromTitles(c);
    expect(c.renewal.tier!.key).toBe('renewal');
    expect(c.renewal.tier!.requirements[0].key).toBe('what-changed');
    expect(describeField('renewal.tier.requirements[0].prompt', c)).toBe('Renewal › Renewal tier › Requirement 1 “What changed” › Prompt to the teacher');
  });
});
