/**
 * Dutch UI messages: the source language. Every text a user reads or hears (including
 * aria-labels) is a key here. `{name}` is a parameter; an object with `one`/`other`
 * is chosen by `Intl.PluralRules` on the `count` parameter.
 */
export const nl = {
  'app.title': 'Buurthub',
  'app.skipToContent': 'Naar de inhoud',
  'app.loading': 'Buurt laden…',
  'app.readOnly':
    'Deze buurt gebruikt een nieuwere versie van Buurthub. Je kunt lezen, maar niet schrijven. Vernieuw de app om weer te kunnen schrijven.',

  'nav.label': 'Hoofdmenu',
  'nav.feed': 'Berichten',
  'nav.compose': 'Nieuw bericht',
  'nav.invite': 'Uitnodigen',

  'lang.label': 'Taal',
  'lang.nl': 'NL',
  'lang.en': 'EN',

  'identity.change': 'Naam wijzigen',

  'role.guest': 'gast',
  'role.kiosk': 'kiosk',
  'role.resident': 'bewoner',
  'role.moderator': 'buurtverbinder',
  'role.official': 'gemeente',
  'identity.postingAsRole': 'Je schrijft als {name} ({role}).',
  'identity.postingAsDemo': 'Je schrijft als {name} (demo: naam niet gecontroleerd).',

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

  'session.needsInvite':
    'Je toegang tot deze buurt is verlopen of ingetrokken. Wat je schreef blijft op dit apparaat bewaard. Vraag een buurtverbinder om een nieuwe uitnodiging.',
  'session.enterNewCode': 'Nieuwe code invullen',

  'sync.label': 'Synchronisatiestatus',
  'sync.online': 'Online',
  'sync.offline': 'Offline',
  'sync.connecting': 'Verbinden…',
  'sync.syncing': 'Synchroniseren…',
  'sync.pending': { one: '1 wijziging wacht', other: '{count} wijzigingen wachten' },
  'sync.savedAt': 'laatst opgeslagen op de server om {time}',

  'crisis.label': 'Crisisinformatie',
  'crisis.severity.extreme': 'Zeer ernstig',
  'crisis.severity.severe': 'Ernstig',
  'crisis.severity.moderate': 'Matig',
  'crisis.severity.minor': 'Gering',
  'crisis.instruction': 'Wat moet je doen',
  'crisis.latestUpdate': 'Laatste update, {time}',
  'crisis.villages': 'Geldt voor: {villages}',

  'feed.heading': 'Berichten uit de buurt',
  'feed.empty': 'Er zijn nog geen berichten. Schrijf het eerste!',
  'feed.writeFirst': 'Schrijf een bericht',

  'post.by': 'door {name}',
  'post.edited': 'bewerkt',
  'post.village': 'in {village}',
  'post.comments': { one: '1 reactie', other: '{count} reacties' },
  'post.noComments': 'Nog geen reacties',

  'category.nieuws': 'Nieuws',
  'category.vraag-aanbod': 'Vraag & aanbod',
  'category.activiteit': 'Activiteit',
  'category.initiatief': 'Initiatief',
  'category.verhaal': 'Verhaal',
  'category.gemeente': 'Gemeente',

  'comment.label': 'Schrijf een reactie',
  'comment.submit': 'Plaats reactie',
  'comment.posted': 'Je reactie is geplaatst.',

  'composer.heading': 'Nieuw bericht',
  'composer.intro': 'Je bericht wordt ook bewaard als je offline bent en later verstuurd.',
  'composer.title': 'Titel',
  'composer.body': 'Bericht',
  'composer.category': 'Categorie',
  'composer.category.choose': 'Kies een categorie',
  'composer.village': 'Dorp',
  'composer.village.all': 'Hele buurt',
  'composer.submit': 'Plaatsen',
  'composer.draftRestored': 'Je concept is teruggezet.',
  'composer.posted': 'Je bericht is geplaatst.',
  'composer.errorSummary': 'Controleer de velden hieronder.',
  'composer.readOnly': 'Schrijven kan niet in deze versie van de app.',

  'validation.required': 'Vul dit veld in.',
  'validation.too_small': 'Dit is te kort.',
  'validation.too_big': 'Dit is te lang.',
  'validation.invalid': 'Deze waarde klopt niet.',
  'validation.invalid_value': 'Kies een van de mogelijkheden.',
  'validation.title.too_small': 'Geef je bericht een titel.',
  'validation.title.too_big': 'Maak de titel korter (hoogstens {max} tekens).',
  'validation.body.too_small': 'Schrijf iets in je bericht.',
  'validation.body.too_big': 'Maak je bericht korter (hoogstens {max} tekens).',
  'validation.category.invalid_value': 'Kies een categorie.',
  'validation.village.too_small': 'Kies een dorp.',
  'validation.comment.too_small': 'Schrijf eerst een reactie.',
  'validation.comment.too_big': 'Maak je reactie korter (hoogstens {max} tekens).',
  'validation.permission': 'Je mag in deze categorie niet schrijven.',

  'name.heading': 'Hoe heet je?',
  'name.intro': 'Je buren zien deze naam bij je berichten en reacties.',
  'name.label': 'Je naam',
  'name.save': 'Opslaan',
  'name.cancel': 'Annuleren',
  'name.required': 'Vul je naam in.',

  'update.available': 'Nieuwe versie beschikbaar',
  'update.reload': 'Vernieuwen',
  'update.dismiss': 'Later',

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

  'feed.filters': 'Berichten filteren',
  'feed.search': 'Zoeken',
  'feed.category': 'Categorie',
  'feed.allCategories': 'Alle categorieën',
  'feed.village': 'Dorp',
  'feed.allVillages': 'Alle dorpen',
  'feed.results': { one: '1 bericht gevonden', other: '{count} berichten gevonden' },
  'feed.noResults': 'Geen berichten gevonden. Probeer andere woorden of een ander filter.',

  'post.share': 'Delen',
  'post.linkCopied': 'Link gekopieerd.',
  'reaction.label': 'Reacties met een pictogram',
  'reaction.heart': 'Hartje',
  'reaction.thanks': 'Bedankt',
  'reaction.helpful': 'Nuttig',
  'reaction.laugh': 'Grappig',
  'comment.reply': 'Antwoord aan {name}',
  'comment.replyLabel': 'Je antwoord aan {name}',
  'comment.replySubmit': 'Plaats antwoord',
  'comment.removed': 'Deze reactie is verwijderd.',

  'photo.waiting': 'Wacht op verbinding om te uploaden',
  'photo.uploading': 'Foto uploaden: {percent}%',
  'photo.rejected': 'De server nam deze foto niet aan.',
  'photo.notYet': 'Deze foto is nog onderweg.',

  'composer.photos': "Foto's",
  'composer.photosHint':
    "Hoogstens {max} foto's. Ze worden op je telefoon verkleind; locatiegegevens gaan er niet mee.",
  'composer.choosePhoto': 'Foto kiezen',
  'composer.takePhoto': 'Foto maken',
  'composer.preparing': 'Foto verkleinen…',
  'composer.alt': 'Beschrijving van foto {n}',
  'composer.altHint': 'Wat staat erop? Voor wie de foto niet kan zien.',
  'composer.altRequired': 'Beschrijf wat er op de foto staat.',
  'composer.removePhoto': 'Foto {n} weghalen',
  'composer.photoUnreadable':
    '{name} is geen foto die we kunnen lezen. Kies een JPEG-, PNG- of WebP-foto.',

  'time.justNow': 'zojuist',
} as const;

type Widen<T> = T extends string ? string : { one: string; other: string };
export type Messages = { [K in keyof typeof nl]: Widen<(typeof nl)[K]> };
export type MessageKey = keyof Messages;
