import { describe, expect, it } from 'vitest';
import { parseKeptState, stateFromProfile, toProfileInput } from './profile-form.js';

describe('the profile form', () => {
  it('turns typed tags and ticked topics into the model’s input, leaving out empty fields', () => {
    const state = stateFromProfile(null);
    state.topics.skills = ['cooking'];
    state.tags.skills = ' brood bakken, , imker ';
    state.shown.about = 'hidden';
    const { input, visibility } = toProfileInput('Anna', state);
    expect(input).toEqual({
      displayName: 'Anna',
      skills: { topics: ['cooking'], tags: ['brood bakken', 'imker'] },
      interests: { topics: [], tags: [] },
      wantsToLearn: { topics: [], tags: [] },
      availability: [],
    });
    expect(visibility.about).toBe('hidden');
    expect(visibility.area).toBe('neighbourhood');
  });

  it('keeps a hidden field on the device and drops unknown values when read back', () => {
    const state = stateFromProfile(null);
    state.about = 'Alleen voor mij';
    state.shown.about = 'hidden';
    const kept = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
    (kept.topics as Record<string, unknown>).skills = ['cooking', 'hacking'];
    const back = parseKeptState(JSON.stringify(kept));
    expect(back?.about).toBe('Alleen voor mij');
    expect(back?.shown.about).toBe('hidden');
    expect(back?.topics.skills).toEqual(['cooking']);
    expect(parseKeptState('{not json')).toBeNull();
  });
});
