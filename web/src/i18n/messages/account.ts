/** Your account: deleting posts and the account for real, downloading your data. */
import type { Translation } from '../catalog.js';

export const nl = {
  'nav.account': 'Account',
  'account.heading': 'Je account',
  'account.signedInAs': 'Je bent lid als {name} ({role}).',
  'account.noSession':
    'Je hebt in deze buurt geen account op dit apparaat. Met een uitnodiging word je lid.',
  'account.role.resident': 'bewoner',
  'account.role.moderator': 'buurtverbinder',
  'account.role.official': 'gemeente',

  'account.data.heading': 'Je gegevens downloaden',
  'account.data.intro':
    'Alles wat je in deze buurt schreef, zoals het op dit apparaat staat: als JSON (voor een andere app) of als leesbare pagina.',
  'account.data.json': 'Download als JSON',
  'account.data.html': 'Download als pagina (HTML)',
  'account.data.ready': 'Je gegevens zijn gedownload.',
  'account.data.title': 'Mijn gegevens in Buurthub',
  'account.data.exportedAt': 'Gemaakt op',
  'account.data.empty': 'Niets.',
  'account.data.posts': 'Berichten',
  'account.data.comments': 'Reacties',
  'account.data.events': 'Activiteiten die je organiseerde',
  'account.data.rsvps': 'Je aanmeldingen voor activiteiten',
  'account.data.questions': 'Je vragen bij crisisberichten',
  'account.data.answers': 'Je antwoorden op vragen',
  'account.data.ideas': 'Je ideeën',
  'account.data.responses': 'Je reacties op ideeën',
  'account.data.reports': 'Je meldingen',
  'account.data.profile': 'Je profiel in de burenlijst',

  'account.export.heading': 'De hele buurt exporteren',
  'account.export.intro':
    'Voor de gemeente: een kopie van alle documenten van de buurt, in hetzelfde formaat als “buurthub export”. Bewaar het bestand zorgvuldig: er staan persoonsgegevens in.',
  'account.export.download': 'Download de export van de buurt',
  'account.export.busy': 'Export wordt opgehaald…',
  'account.export.ready': 'De export is gedownload.',

  'account.delete.heading': 'Je account verwijderen',
  'account.delete.intro':
    'Alles wat je schreef wordt echt verwijderd: je berichten met hun reacties, je reacties bij anderen, je waarderingen (zoals ‘bedankt’), je activiteiten en aanmeldingen, je vragen, ideeën, meldingen, je profiel en je contactverzoeken. Daarna kun je niet meer inloggen. Dit kun je niet ongedaan maken.',
  'account.delete.start': 'Account verwijderen…',
  'account.delete.confirmHeading': 'Weet je het zeker?',
  'account.delete.confirmText':
    'Je account en alles wat je schreef worden verwijderd, ook van de server en van de apparaten van je buren. Download eerst je gegevens als je ze wilt bewaren.',
  'account.delete.understand': 'Ik begrijp dat dit niet ongedaan kan worden',
  'account.delete.mustConfirm': 'Vink eerst aan dat je begrijpt dat dit niet ongedaan kan worden.',
  'account.delete.confirm': 'Verwijder mijn account',
  'account.delete.cancel': 'Annuleren',
  'account.delete.offline':
    'Je bent offline. Verwijderen kan alleen met verbinding, zodat ook de server alles wist. Er is nog niets verwijderd.',
  'account.delete.step.erase': 'Je berichten en gegevens op dit apparaat wissen',
  'account.delete.step.purge': 'De server wist ze voorgoed (dit kan even duren)',
  'account.delete.step.relay': 'Je contactverzoeken en account op de server verwijderen',
  'account.delete.stepDone': 'klaar',
  'account.delete.stepBusy': 'bezig',
  'account.delete.stepWaiting': 'wacht',
  'account.delete.done':
    'Je account is verwijderd. Wat je schreef is gewist, hier en op de server.',
  'account.delete.toFeed': 'Naar de voorpagina',
  'account.delete.failed':
    'Je berichten zijn gewist, maar de server kon je account nog niet verwijderen ({reason}). Probeer het opnieuw.',
  'account.delete.retry': 'Opnieuw proberen',

  'account.error.offline': 'Je bent offline. Probeer het opnieuw als je verbinding hebt.',
  'account.error.unauthorized': 'Je bent niet (meer) ingelogd in deze buurt.',
  'account.error.refused': 'De server weigerde het ({status}).',

  'post.erased': 'Het bericht is verwijderd, ook van de server.',
} as const;

export const en: Translation<typeof nl> = {
  'nav.account': 'Account',
  'account.heading': 'Your account',
  'account.signedInAs': 'You are a member as {name} ({role}).',
  'account.noSession':
    'You have no account in this neighbourhood on this device. An invitation makes you a member.',
  'account.role.resident': 'resident',
  'account.role.moderator': 'community moderator',
  'account.role.official': 'municipality',

  'account.data.heading': 'Download your data',
  'account.data.intro':
    'Everything you wrote in this neighbourhood, as it is on this device: as JSON (for another app) or as a readable page.',
  'account.data.json': 'Download as JSON',
  'account.data.html': 'Download as a page (HTML)',
  'account.data.ready': 'Your data has been downloaded.',
  'account.data.title': 'My data in Buurthub',
  'account.data.exportedAt': 'Made on',
  'account.data.empty': 'Nothing.',
  'account.data.posts': 'Posts',
  'account.data.comments': 'Comments',
  'account.data.events': 'Events you organised',
  'account.data.rsvps': 'Your event replies',
  'account.data.questions': 'Your questions on crisis alerts',
  'account.data.answers': 'Your answers to questions',
  'account.data.ideas': 'Your ideas',
  'account.data.responses': 'Your responses to ideas',
  'account.data.reports': 'Your reports',
  'account.data.profile': 'Your directory profile',

  'account.export.heading': 'Export the whole neighbourhood',
  'account.export.intro':
    'For the municipality: a copy of all the neighbourhood’s documents, in the same format as “buurthub export”. Keep the file safe: it holds personal data.',
  'account.export.download': 'Download the neighbourhood export',
  'account.export.busy': 'Fetching the export…',
  'account.export.ready': 'The export has been downloaded.',

  'account.delete.heading': 'Delete your account',
  'account.delete.intro':
    'Everything you wrote is really deleted: your posts with their comments, your comments on others’ posts, your reactions (such as ‘thanks’), your events and replies, your questions, ideas, reports, your profile and your contact requests. After that you cannot sign in any more. This cannot be undone.',
  'account.delete.start': 'Delete account…',
  'account.delete.confirmHeading': 'Are you sure?',
  'account.delete.confirmText':
    'Your account and everything you wrote will be deleted, also from the server and from your neighbours’ devices. Download your data first if you want to keep it.',
  'account.delete.understand': 'I understand that this cannot be undone',
  'account.delete.mustConfirm': 'First tick that you understand this cannot be undone.',
  'account.delete.confirm': 'Delete my account',
  'account.delete.cancel': 'Cancel',
  'account.delete.offline':
    'You are offline. Deleting needs a connection, so that the server erases everything too. Nothing has been deleted yet.',
  'account.delete.step.erase': 'Erasing your posts and data on this device',
  'account.delete.step.purge': 'The server erases them for good (this can take a moment)',
  'account.delete.step.relay': 'Deleting your contact requests and account on the server',
  'account.delete.stepDone': 'done',
  'account.delete.stepBusy': 'in progress',
  'account.delete.stepWaiting': 'waiting',
  'account.delete.done':
    'Your account has been deleted. What you wrote is erased, here and on the server.',
  'account.delete.toFeed': 'To the front page',
  'account.delete.failed':
    'Your posts are erased, but the server could not delete your account yet ({reason}). Please try again.',
  'account.delete.retry': 'Try again',

  'account.error.offline': 'You are offline. Try again when you have a connection.',
  'account.error.unauthorized': 'You are not (or no longer) signed in to this neighbourhood.',
  'account.error.refused': 'The server refused it ({status}).',

  'post.erased': 'The post has been deleted, also from the server.',
};
