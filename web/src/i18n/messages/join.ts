/** Joining a neighbourhood and inviting others. */
import type { Translation } from '../catalog.js';

export const nl = {
  'join.pageTitle': 'Lid worden',
  'join.heading': 'Lid worden van je buurt',
  'join.intro':
    'Met een uitnodiging van een buurtverbinder lees en schrijf je mee met je buren. De code staat in je uitnodiging.',
  'join.panelHeading': 'Word lid van de buurt',
  'join.panelIntro':
    'Berichten van buren zijn alleen voor leden. Crisisinformatie zie je altijd, ook zonder account. Heb je een uitnodiging gekregen? Vul dan hier de code in.',
  'join.code': 'Uitnodigingscode',
  'join.codeHint': 'Bijvoorbeeld ABCD-EFGH. Hoofdletters en streepjes maken niet uit.',
  'join.name': 'Je naam',
  'join.nameHint': 'Je buren zien deze naam bij je berichten en reacties.',
  'join.submit': 'Lid worden',
  'join.busy': 'Bezig met lid worden…',
  'join.welcome': 'Welkom! Je bent nu lid van de buurt.',
  'join.error.codeRequired': 'Vul de code uit je uitnodiging in.',
  'join.error.invalid-code': 'Deze code kennen we niet. Controleer de code in je uitnodiging.',
  'join.error.used-up': 'Deze uitnodiging is al gebruikt. Vraag een buurtverbinder om een nieuwe.',
  'join.error.expired': 'Deze uitnodiging is verlopen. Vraag een buurtverbinder om een nieuwe.',
  'join.error.invalid-name': 'Vul je naam in (hoogstens 60 tekens).',
  'join.error.offline': 'Je bent offline; probeer het opnieuw zodra je verbinding hebt.',
  'join.error.rate-limited': {
    one: 'Te veel pogingen achter elkaar. Probeer het over 1 seconde opnieuw.',
    other: 'Te veel pogingen achter elkaar. Probeer het over {count} seconden opnieuw.',
  },
  'join.error.unsupported':
    'Deze browser kan geen beveiligde sleutel maken (Ed25519), en die is nodig om lid te worden. Werk je browser bij of gebruik een recente Chrome, Edge, Firefox of Safari.',
  'join.error.server': 'Er ging iets mis bij de server. Probeer het over een paar minuten opnieuw.',
  'invite.heading': 'Buren uitnodigen',
  'invite.intro':
    'Maak een uitnodiging en geef de link, de code of de QR-code aan wie je wilt uitnodigen. Wie hem gebruikt, wordt lid van deze buurt.',
  'invite.notAllowed': 'Alleen buurtverbinders en de gemeente kunnen uitnodigingen maken.',
  'invite.role': 'Uitnodigen als',
  'invite.uses': 'Aantal keer te gebruiken',
  'invite.usesHint': 'Van {min} tot {max}. Voor één persoon: 1.',
  'invite.days': 'Geldig (dagen)',
  'invite.daysHint': 'Van {min} tot {max} dagen.',
  'invite.submit': 'Uitnodiging maken',
  'invite.busy': 'Uitnodiging maken…',
  'invite.resultHeading': 'Je uitnodiging is klaar',
  'invite.summary': {
    one: 'Voor 1 {role}, geldig tot {date}.',
    other: 'Voor {count} mensen als {role}, geldig tot {date}.',
  },
  'invite.code': 'Code',
  'invite.link': 'Link',
  'invite.copy': 'Link kopiëren',
  'invite.copied': 'De link is gekopieerd.',
  'invite.qrLabel': 'QR-code van de uitnodigingslink, code {code}',
  'invite.qrCaption': 'Laat scannen met de camera van een telefoon.',
  'invite.error.offline':
    'Je bent offline. Een uitnodiging maakt de server; probeer het opnieuw zodra je verbinding hebt.',
  'invite.error.unauthorized':
    'Je toegang is verlopen of ingetrokken, dus de server maakt geen uitnodiging. Ga online zodat de app je toegang kan vernieuwen, of vraag om een nieuwe uitnodiging.',
  'invite.error.forbidden':
    'Je mag deze soort uitnodiging niet maken. Kies een andere rol; is je eigen rol veranderd, vraag dan een nieuwe uitnodiging.',
  'invite.error.invalid':
    'De server nam deze waarden niet aan. Kies {usesMin} tot {usesMax} keer en {daysMin} tot {daysMax} dagen.',
  'invite.error.rate-limited':
    'Te veel uitnodigingen achter elkaar. Probeer het over een minuut opnieuw.',
  'invite.error.server':
    'Er ging iets mis bij de server. Probeer het over een paar minuten opnieuw.',
  'invite.error.uses': 'Kies een aantal van {usesMin} tot {usesMax}.',
  'invite.error.expiresInDays': 'Kies {daysMin} tot {daysMax} dagen.',
} as const;

export const en: Translation<typeof nl> = {
  'join.pageTitle': 'Join',
  'join.heading': 'Join your neighbourhood',
  'join.intro':
    'With an invitation from a community connector you can read and write along with your neighbours. The code is in your invitation.',
  'join.panelHeading': 'Join the neighbourhood',
  'join.panelIntro':
    'Posts from neighbours are for members only. Crisis information is always visible, also without an account. Did you get an invitation? Enter its code here.',
  'join.code': 'Invitation code',
  'join.codeHint': 'For example ABCD-EFGH. Capitals and dashes do not matter.',
  'join.name': 'Your name',
  'join.nameHint': 'Your neighbours see this name with your posts and comments.',
  'join.submit': 'Join',
  'join.busy': 'Joining…',
  'join.welcome': 'Welcome! You are now a member of the neighbourhood.',
  'join.error.codeRequired': 'Enter the code from your invitation.',
  'join.error.invalid-code': 'We do not know this code. Check the code in your invitation.',
  'join.error.used-up':
    'This invitation has already been used. Ask a community connector for a new one.',
  'join.error.expired': 'This invitation has expired. Ask a community connector for a new one.',
  'join.error.invalid-name': 'Enter your name (at most 60 characters).',
  'join.error.offline': 'You are offline; try again once you have a connection.',
  'join.error.rate-limited': {
    one: 'Too many attempts in a row. Try again in 1 second.',
    other: 'Too many attempts in a row. Try again in {count} seconds.',
  },
  'join.error.unsupported':
    'This browser cannot create a secure key (Ed25519), which is needed to join. Update your browser or use a recent Chrome, Edge, Firefox or Safari.',
  'join.error.server': 'Something went wrong on the server. Try again in a few minutes.',
  'invite.heading': 'Invite neighbours',
  'invite.intro':
    'Create an invite and give the link, the code or the QR code to the people you invite. Whoever uses it becomes a member of this neighbourhood.',
  'invite.notAllowed': 'Only neighbourhood connectors and the municipality can create invites.',
  'invite.role': 'Invite as',
  'invite.uses': 'Number of uses',
  'invite.usesHint': 'From {min} to {max}. For one person: 1.',
  'invite.days': 'Valid for (days)',
  'invite.daysHint': 'From {min} to {max} days.',
  'invite.submit': 'Create invite',
  'invite.busy': 'Creating invite…',
  'invite.resultHeading': 'Your invite is ready',
  'invite.summary': {
    one: 'For 1 {role}, valid until {date}.',
    other: 'For {count} people as {role}, valid until {date}.',
  },
  'invite.code': 'Code',
  'invite.link': 'Link',
  'invite.copy': 'Copy link',
  'invite.copied': 'The link has been copied.',
  'invite.qrLabel': 'QR code of the invite link, code {code}',
  'invite.qrCaption': 'Scan it with a phone camera.',
  'invite.error.offline':
    'You are offline. The server creates invites; try again once you are connected.',
  'invite.error.unauthorized':
    'Your access has expired or was revoked, so the server will not create an invite. Go online so the app can renew your access, or ask for a new invite.',
  'invite.error.forbidden':
    'You may not create this kind of invite. Choose another role; if your own role has changed, ask for a new invite.',
  'invite.error.invalid':
    'The server did not accept these values. Choose {usesMin} to {usesMax} uses and {daysMin} to {daysMax} days.',
  'invite.error.rate-limited': 'Too many invites in a row. Try again in a minute.',
  'invite.error.server': 'Something went wrong on the server. Try again in a few minutes.',
  'invite.error.uses': 'Choose a number from {usesMin} to {usesMax}.',
  'invite.error.expiresInDays': 'Choose {daysMin} to {daysMax} days.',
};
