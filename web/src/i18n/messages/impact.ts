/** Impact figures for officials and moderators. */
import type { Translation } from '../catalog.js';

export const nl = {
  'impact.heading': 'Impact',
  'impact.notForYou': 'De impactcijfers zijn er voor buurtverbinders en de gemeente.',
  'impact.intro':
    'Wat er in de buurt gebeurt, per week. Berekend op dit apparaat uit de gegevens van de buurt: er gaat niets naar een server.',
  'impact.suppressed':
    'Aantallen onder de {threshold} staan er als "< {threshold}" (een gestippelde staaf), zodat niemand te herleiden is.',
  'impact.period': 'Periode',
  'impact.lastWeeks': { one: 'De laatste week', other: 'De laatste {count} weken' },
  'impact.village': 'Dorp',
  'impact.allVillages': 'Hele buurt',
  'impact.download': 'Cijfers downloaden (CSV)',
  'impact.week': 'Week van',
  'impact.table': 'Cijfers als tabel',
  'impact.summary':
    '{weeks} weken, samen {total}, hoogste week {max}; weken met een klein aantal (niet getoond): {hidden}.',
  'impact.medianHint': 'In minuten, tussen de vraag en het eerste antwoord.',
  'impact.tooFew': 'te weinig vragen',
  'impact.medianSummary':
    '{weeks} weken, langste mediaan {max} minuten; weken met te weinig vragen voor een mediaan: {hidden}.',
  'impact.figure.posts': 'Berichten',
  'impact.figure.events': 'Activiteiten',
  'impact.figure.rsvps': 'Aanmeldingen voor activiteiten',
  'impact.figure.activeMembers': 'Actieve buren',
  'impact.figure.questionsAnswered': 'Beantwoorde vragen',
  'impact.figure.medianAnswerMinutes': 'Tijd tot antwoord (mediaan)',
  'impact.figure.eventConnections': 'Nieuwe contacten via activiteiten',
  'impact.figure.contactConnections': 'Nieuwe contacten via contactverzoeken',
  'impact.contactsOffline':
    'Nieuwe contacten via contactverzoeken staan op de server van de buurt; je ziet ze zodra je online bent.',
} as const;

export const en: Translation<typeof nl> = {
  'impact.heading': 'Impact',
  'impact.notForYou': 'Impact figures are for moderators and the municipality.',
  'impact.intro':
    'What happens in the neighbourhood, per week. Computed on this device from the neighbourhood’s data: nothing goes to a server.',
  'impact.suppressed':
    'Counts under {threshold} are shown as "< {threshold}" (a dashed bar), so nobody can be picked out.',
  'impact.period': 'Period',
  'impact.lastWeeks': { one: 'The last week', other: 'The last {count} weeks' },
  'impact.village': 'Village',
  'impact.allVillages': 'Whole neighbourhood',
  'impact.download': 'Download figures (CSV)',
  'impact.week': 'Week of',
  'impact.table': 'Figures as a table',
  'impact.summary':
    '{weeks} weeks, {total} in all, highest week {max}; weeks with a small count (not shown): {hidden}.',
  'impact.medianHint': 'In minutes, between the question and the first answer.',
  'impact.tooFew': 'too few questions',
  'impact.medianSummary':
    '{weeks} weeks, longest median {max} minutes; weeks with too few questions for a median: {hidden}.',
  'impact.figure.posts': 'Posts',
  'impact.figure.events': 'Events',
  'impact.figure.rsvps': 'RSVPs to events',
  'impact.figure.activeMembers': 'Active neighbours',
  'impact.figure.questionsAnswered': 'Questions answered',
  'impact.figure.medianAnswerMinutes': 'Time to answer (median)',
  'impact.figure.eventConnections': 'New connections through events',
  'impact.figure.contactConnections': 'New connections through contact requests',
  'impact.contactsOffline':
    'New connections through contact requests are kept on the neighbourhood server; you see them once you are online.',
};
