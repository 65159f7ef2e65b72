/**
 * Demo content for `buurthub serve --demo`: the neighbourhood `maasburen` (Middelaar, Mook,
 * Molenhoek, Plasmolen on the Maas) with posts (some public), comments with an answer,
 * reactions, an agenda of upcoming and past events (public and members-only) with RSVPs,
 * and the expired high-water alert of July 2021 with its rolling updates. Written through
 * the shared model API, so it is exactly what the app would have written, and stored before
 * the relay serves anyone. Three posts carry a photo: small illustrative JPEGs shipped in
 * `sync-server/demo-media/`, put into the relay's blob store on every demo start (a blob
 * that is there already is not rewritten) and referenced by hash, so `/blobs/<hash>` serves
 * them like any uploaded photo.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import {
  type Author,
  type BoardMarks,
  type BoardNode,
  type Category,
  CommunitySpace,
  type DeviceSigner,
  DirectorySpace,
  type EventInput,
  type MediaRef,
  PublicSpace,
  type ReactionKind,
  type RsvpAnswer,
  SPACE_NAMES,
  type Visibility,
  addDays,
  base64UrlEncode,
  cryptoKeySigner,
  exportRawPublicKey,
  generateEd25519KeyPair,
  roomName,
  zonedDate,
  zonedInstant,
} from '@buurthub/shared';
import { KeyStore } from './auth/keys.js';
import { mintToken } from './auth/tokens.js';
import type { BlobLimits, BlobStore } from './blobs/blob-store.js';
import type { Storage } from './storage/storage.js';

export const DEMO_NEIGHBOURHOOD = 'maasburen';
export const DEMO_VILLAGES = ['Middelaar', 'Mook', 'Molenhoek', 'Plasmolen'];

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const anja: Author = { id: 'demo-anja', name: 'Anja Verhoeven', role: 'moderator' };
const gemeente: Author = {
  id: 'demo-gemeente',
  name: 'Gemeente Mook en Middelaar',
  role: 'official',
};
const henk: Author = { id: 'demo-henk', name: 'Henk Peters', role: 'resident' };
const fatima: Author = { id: 'demo-fatima', name: 'Fatima El Amrani', role: 'resident' };
const joost: Author = { id: 'demo-joost', name: 'Joost van Dijk', role: 'resident' };
const marieke: Author = { id: 'demo-marieke', name: 'Marieke Jansen', role: 'resident' };

/** The demo photos, in `sync-server/demo-media/` (next to `src/` and `dist/`). */
export const DEMO_MEDIA_DIR = new URL('../demo-media/', import.meta.url);

interface DemoPhoto {
  file: string;
  alt: string;
}

interface DemoPost {
  title: string;
  photo?: DemoPhoto;
  body: string;
  category: Category;
  village: string;
  author: Author;
  visibility?: Visibility;
  /** `answers`: index of the earlier top-level comment this one answers. */
  comments: { body: string; author: Author; answers?: number }[];
  reactions?: [ReactionKind, Author][];
}

const POSTS: DemoPost[] = [
  {
    title: 'Werkzaamheden aan de dijk bij Middelaar',
    body: 'Vanaf maandag versterkt het waterschap de dijk tussen Middelaar en de veerpont. Het fietspad langs de Maas is dan drie weken afgesloten; volg de omleiding via de Kerkstraat.',
    category: 'gemeente',
    village: 'Middelaar',
    author: gemeente,
    photo: {
      file: 'fiets.jpg',
      alt: 'Een blauwe fiets tegen een muur, bij het afgesloten fietspad langs de Maas.',
    },
    comments: [
      { body: 'Fijn dat dit nu gebeurt. Rijdt de veerpont wel gewoon?', author: henk },
      {
        body: 'Ja, de veerpont vaart volgens de normale dienstregeling.',
        author: gemeente,
        answers: 0,
      },
    ],
    reactions: [
      ['helpful', henk],
      ['thanks', marieke],
      ['helpful', joost],
    ],
  },
  {
    title: 'AED hangt nu aan de gevel van het dorpshuis',
    body: 'De AED van de voetbalclub hangt voortaan buiten aan het dorpshuis in Plasmolen, dag en nacht bereikbaar. Wie wil meedoen aan de reanimatiecursus in het najaar: meld je bij Anja.',
    category: 'nieuws',
    village: 'Plasmolen',
    author: anja,
    visibility: 'public',
    comments: [{ body: 'Ik doe mee aan de cursus!', author: joost }],
    reactions: [
      ['heart', fatima],
      ['thanks', henk],
    ],
  },
  {
    title: 'Wie helpt mij met de heg snoeien?',
    body: 'Sinds mijn heupoperatie lukt het niet meer om de heg langs de stoep te knippen. Ik trakteer op koffie met vlaai. Woon aan de Groesbeekseweg in Molenhoek.',
    category: 'vraag-aanbod',
    village: 'Molenhoek',
    author: fatima,
    comments: [
      { body: 'Ik kom zaterdagochtend met mijn heggenschaar langs.', author: marieke },
      { body: 'Dank je wel, Marieke! De koffie staat klaar.', author: fatima, answers: 0 },
    ],
    reactions: [
      ['heart', marieke],
      ['heart', anja],
    ],
  },
  {
    title: 'Aanhangwagen te leen',
    body: 'Mijn aanhangwagen (geremd, 750 kg) staat meestal stil. Wie hem nodig heeft voor de milieustraat of een verhuizing mag hem lenen. Even een berichtje sturen.',
    category: 'vraag-aanbod',
    village: 'Middelaar',
    author: henk,
    comments: [],
  },
  {
    title: 'Opschoonochtend langs de Maasoever',
    body: 'Zaterdag 10:00 verzamelen bij de veerpont in Middelaar. Grijpers, handschoenen en vuilniszakken zijn er; neem zelf laarzen mee. Na afloop soep in het dorpshuis.',
    category: 'activiteit',
    village: 'Middelaar',
    author: anja,
    photo: {
      file: 'maasoever.jpg',
      alt: 'De Maasoever bij Middelaar: een zandpad langs het water, met bomen aan de overkant.',
    },
    visibility: 'public',
    comments: [
      { body: 'Wij komen met z’n vieren, de kinderen vinden dit prachtig.', author: joost },
    ],
    reactions: [['heart', joost]],
  },
  {
    title: 'Koffieochtend voor nieuwe bewoners',
    body: 'Nieuw in Mook of Molenhoek? Elke eerste woensdag van de maand staat om 10:00 de koffie klaar in het dorpshuis. Kom kennismaken met je buren.',
    category: 'activiteit',
    village: 'Mook',
    author: marieke,
    comments: [],
  },
  {
    title: 'Plan: buurtmoestuin achter de school in Molenhoek',
    body: 'Het grasveld achter de basisschool ligt er ongebruikt bij. Met een paar buren willen we er een moestuin beginnen, samen met de school. Wie denkt mee of heeft ervaring met moestuinieren?',
    category: 'initiatief',
    village: 'Molenhoek',
    author: fatima,
    photo: {
      file: 'moestuin.jpg',
      alt: 'Twee moestuinbakken met jonge plantjes en een paar rode tomaatjes op een grasveld.',
    },
    comments: [
      { body: 'Goed idee! Ik heb nog pootaardappelen en een oude regenton.', author: henk },
    ],
  },
  {
    title: 'Terugblik: het hoogwater van juli 2021',
    body: 'Een paar jaar na het hoogwater op de Maas: we zaten twee nachten op wacht, vulden zandzakken bij de gemeentewerf en brachten soep rond in Middelaar. Wat me het meest is bijgebleven: niemand stond er alleen voor. Deel hieronder jullie herinneringen.',
    category: 'verhaal',
    village: 'Mook',
    author: joost,
    comments: [
      {
        body: 'Ik weet nog hoe de buurtverbinders foto’s van de dijk deelden toen we er zelf niet bij konden.',
        author: marieke,
      },
      {
        body: 'Dankzij de updates hier wisten we precies wanneer het hoogste water kwam.',
        author: henk,
      },
    ],
    reactions: [
      ['heart', anja],
      ['heart', fatima],
      ['thanks', marieke],
    ],
  },
];

interface DemoEvent {
  /** Days from the seed day (negative: in the past). */
  day: number;
  /** Local times `HH:MM`, or all day. */
  from?: string;
  until?: string;
  input: Omit<EventInput, 'when'>;
  organiser: Author;
  rsvps: [RsvpAnswer, Author][];
}

const EVENTS: DemoEvent[] = [
  {
    day: 2,
    from: '10:00',
    until: '12:00',
    input: {
      title: 'Koffieochtend in het buurthuis',
      description:
        'Elke eerste woensdag staat de koffie klaar. Nieuw in de buurt? Dan ben je **extra** welkom.',
      place: 'Buurthuis Mook, Raadhuisstraat',
      village: 'Mook',
      capacity: 30,
      visibility: 'members',
    },
    organiser: marieke,
    rsvps: [
      ['going', fatima],
      ['going', henk],
      ['maybe', joost],
    ],
  },
  {
    day: 5,
    from: '13:00',
    until: '16:00',
    input: {
      title: 'Repair café Molenhoek',
      description:
        'Samen repareren in plaats van weggooien. Neem mee:\n- kleine apparaten\n- kleding\n- fietsen\n\nGratis; een vrijwillige bijdrage is welkom. Meer over repair cafés: https://www.repaircafe.org/',
      place: 'Dorpshuis Molenhoek',
      village: 'Molenhoek',
      capacity: 3,
      visibility: 'public',
    },
    organiser: henk,
    rsvps: [
      ['going', fatima],
      ['going', marieke],
      ['going', joost],
      ['not', anja],
    ],
  },
  {
    day: 7,
    from: '19:30',
    until: '21:00',
    input: {
      title: 'Overleg buurtverbinders',
      description: 'Terugblik op het najaar en plannen voor de winter. Alleen voor leden.',
      place: 'Buurthuis Mook, achterzaal',
      village: 'Mook',
      visibility: 'members',
    },
    organiser: anja,
    rsvps: [
      ['going', joost],
      ['maybe', marieke],
    ],
  },
  {
    day: 9,
    from: '10:00',
    until: '12:30',
    input: {
      title: 'Wandeling langs de Maas',
      description:
        'Een rustige wandeling van 7 km over de dijk en door de uiterwaarden, met uitleg over het hoogwater van 2021. Stevige schoenen aan!',
      place: 'Veerpont Middelaar',
      village: 'Middelaar',
      capacity: 15,
      visibility: 'public',
    },
    organiser: anja,
    rsvps: [
      ['going', henk],
      ['going', fatima],
      ['maybe', marieke],
    ],
  },
  {
    day: 16,
    input: {
      title: 'Buurtfeest Plasmolen',
      description:
        'De hele dag feest rond het dorpshuis:\n1. kinderspelen vanaf 11:00\n2. barbecue vanaf 17:00\n3. muziek tot 23:00\n\nHelpen opbouwen? Meld je bij _Joost_.',
      place: 'Dorpshuis Plasmolen en het plein',
      village: 'Plasmolen',
      visibility: 'public',
    },
    organiser: joost,
    rsvps: [
      ['going', anja],
      ['going', henk],
      ['going', marieke],
      ['maybe', fatima],
    ],
  },
  {
    day: -10,
    from: '14:00',
    until: '17:00',
    input: {
      title: 'Burendag in Mook',
      description: 'Samen de speeltuin opknappen, met soep en taart na afloop.',
      place: 'Speeltuin Kerkstraat, Mook',
      village: 'Mook',
      visibility: 'public',
    },
    organiser: marieke,
    rsvps: [
      ['going', henk],
      ['going', joost],
      ['not', fatima],
    ],
  },
];

/** Notice boards (prikborden) the buurtverbinders keep: headings, lists, hours, contact. */
const run = (value: string, marks: BoardMarks = {}): BoardNode => ({
  type: 'text',
  text: value,
  marks,
});
const block = (
  type: 'paragraph' | 'list_item' | 'bullet_list' | 'hours' | 'contact',
  ...children: BoardNode[]
): BoardNode => ({
  type,
  attrs: {},
  children,
});
const boardHeading = (level: 1 | 2, value: string): BoardNode => ({
  type: 'heading',
  attrs: { level },
  children: [run(value)],
});
const para = (...children: BoardNode[]) => block('paragraph', ...children);
const bullets = (...items: string[]) =>
  block('bullet_list', ...items.map((item) => block('list_item', para(run(item)))));

const DEMO_BOARDS: { title: string; content: BoardNode[] }[] = [
  {
    title: 'Buurthuis De Schakel — openingstijden',
    content: [
      boardHeading(1, 'Buurthuis De Schakel'),
      para(run('Iedereen is welkom voor koffie, een praatje of hulp met formulieren.')),
      block('hours', bullets('Maandag 9:00–17:00', 'Woensdag 13:00–21:00', 'Zaterdag 10:00–14:00')),
      boardHeading(2, 'Deze week'),
      bullets(
        'Dinsdag 14:00: breicafé',
        'Donderdag 19:30: repaircafé',
        'Vrijdag 10:00: taalmaatjes',
      ),
      block(
        'contact',
        para(run('Beheerder: ', { strong: true }), run('Anja Verhoeven, 024-696 12 34')),
        para(run('Mail: '), run('deschakel@example.nl', { link: 'mailto:deschakel@example.nl' })),
      ),
    ],
  },
  {
    title: 'Voedselbank',
    content: [
      boardHeading(1, 'Uitgiftepunt Mook'),
      para(run('Elke vrijdag van 13:00 tot 15:00 in de achterzaal van De Schakel.')),
      block('hours', bullets('Vrijdag 13:00–15:00')),
      para(
        run('Neem je pas en een eigen tas mee. ', { strong: true }),
        run('Kun je niet komen? Bel ons, dan brengt een vrijwilliger het pakket.', { em: true }),
      ),
      block('contact', para(run('Coördinator: Fatima, 06-12 34 56 78'))),
    ],
  },
  {
    title: 'Wie bel ik?',
    content: [
      boardHeading(1, 'Wie bel ik?'),
      bullets(
        'Spoed: 112',
        'Huisartsenpost: 0900-888 60 00',
        'Gemeente Mook en Middelaar: 14 024',
        'Wateroverlast en dijken: Waterschap Limburg, 088-888 66 66',
      ),
      para(
        run('Meer informatie: '),
        run('www.mookenmiddelaar.nl', { link: 'https://www.mookenmiddelaar.nl' }),
      ),
    ],
  },
];

/** 15 July 2021, 18:00 Dutch summer time: the alert goes out. */
const FLOOD_START = Date.UTC(2021, 6, 15, 16, 0);

const FLOOD_UPDATES: { after: number; text: string }[] = [
  {
    after: 3 * HOUR,
    text: 'Rijkswaterstaat verwacht de hoogste waterstand bij Mook vrijdagmiddag 16 juli. Zandzakken zijn op te halen bij de gemeentewerf aan de Heumensebaan; buurtverbinders helpen met vullen.',
  },
  {
    after: 15 * HOUR,
    text: 'De Kerkstraat in Middelaar en de Witteweg in Plasmolen zijn afgesloten. Buurtverbinders lopen langs bij oudere bewoners; heeft u hulp nodig, reageer hier of bel het dorpshuis.',
  },
  {
    after: 24 * HOUR,
    text: 'Het hoogste punt is bereikt en de dijken houden het. Het water zakt langzaam. Blijf uit de uiterwaarden en laat kinderen niet bij het water spelen.',
  },
  {
    after: 4 * DAY,
    text: 'Het water is flink gezakt; alle wegen zijn weer open. Schade aan uw woning? Meld die bij de gemeente. Dank aan iedereen die heeft geholpen.',
  },
];

/** True when none of the neighbourhood's rooms has any stored state. */
/** A device key and a relay-signed certificate for `author`, issued at `from` (ms). */
async function demoSigner(
  storage: Storage,
  author: Author,
  from: number,
  validMs: number,
): Promise<DeviceSigner> {
  const device = await generateEd25519KeyPair();
  const pk = base64UrlEncode(await exportRawPublicKey(device.publicKey));
  const { token } = await mintToken(
    new KeyStore(storage),
    { sub: author.id, nb: DEMO_NEIGHBOURHOOD, role: author.role, name: author.name, pk },
    Math.floor(validMs / 1000),
    Math.floor(from / 1000),
  );
  return { sign: cryptoKeySigner(device.privateKey), token };
}

async function isEmpty(storage: Storage, nb: string): Promise<boolean> {
  for (const space of SPACE_NAMES) {
    const stored = await storage.loadRoom(roomName(nb, space));
    if (stored.updates.length > 0) return false;
  }
  return true;
}

/**
 * Seeds `maasburen` unless any of its rooms already has content, so restarting with
 * `--demo` never duplicates posts. Returns whether it seeded.
 */
/** Width and height from a baseline or progressive JPEG's frame header, or null. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1] as number;
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: ((bytes[i + 5] as number) << 8) | (bytes[i + 6] as number),
        width: ((bytes[i + 7] as number) << 8) | (bytes[i + 8] as number),
      };
    }
    i += 2 + length;
  }
  return null;
}

async function* chunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/**
 * Puts the demo photos into the blob store (idempotent: a blob is named by its hash and
 * never rewritten) and returns their media references by file name.
 */
export async function seedDemoMedia(
  blobs: BlobStore,
  limits: BlobLimits,
): Promise<Map<string, MediaRef>> {
  const refs = new Map<string, MediaRef>();
  for (const post of POSTS) {
    if (!post.photo) continue;
    const bytes = new Uint8Array(await readFile(new URL(post.photo.file, DEMO_MEDIA_DIR)));
    const hash = createHash('sha256').update(bytes).digest('hex');
    await blobs.put(hash, chunks(bytes), limits);
    const size = jpegSize(bytes);
    refs.set(post.photo.file, {
      hash,
      type: 'image/jpeg',
      alt: post.photo.alt,
      ...(size ?? {}),
      bytes: bytes.byteLength,
    });
  }
  return refs;
}

export interface DemoMediaOptions {
  blobs: BlobStore;
  limits: BlobLimits;
}

/**
 * Seeds the demo neighbourhood when its rooms are empty; returns whether it did. With
 * `media`, the demo photos go into the blob store (every time, so a lost blob comes back)
 * and three posts reference them.
 */
export async function seedDemo(
  storage: Storage,
  now = Date.now(),
  media?: DemoMediaOptions,
): Promise<boolean> {
  const photos = media
    ? await seedDemoMedia(media.blobs, media.limits)
    : new Map<string, MediaRef>();
  if (!(await isEmpty(storage, DEMO_NEIGHBOURHOOD))) return false;

  // A clock the seed advances by hand, so content gets realistic, spread-out timestamps.
  let clock = FLOOD_START;
  const ctx = { now: () => clock };

  const publicDoc = new Y.Doc();
  const communityDoc = new Y.Doc();
  const directoryDoc = new Y.Doc();
  try {
    const publicSpace = new PublicSpace(publicDoc, ctx);
    clock = FLOOD_START - 30 * DAY;
    publicSpace.settings.set({ name: 'Maasburen', villages: DEMO_VILLAGES }, anja);

    clock = FLOOD_START;
    // The gemeente's alert is signed like a real one: a device key, and a token minted by
    // this relay as its certificate, valid at the time of the flood.
    const signer = await demoSigner(storage, gemeente, FLOOD_START, 10 * DAY);
    const alert = await publicSpace.crisis.createSigned(
      {
        event: 'Hoogwater',
        category: 'Met',
        urgency: 'expected',
        certainty: 'likely',
        headline: 'Hoogwater op de Maas bij Middelaar, Mook en Plasmolen',
        description:
          'Door zware regenval in België en Duitsland stijgt de Maas snel. Laaggelegen wegen en uiterwaarden kunnen onder water komen te staan.',
        instruction:
          'Zet spullen in kelders en schuren hoog, haal zandzakken bij de gemeentewerf en volg de updates hier.',
        severity: 'severe',
        status: 'actual',
        villages: ['Middelaar', 'Mook', 'Plasmolen'],
        effective: FLOOD_START,
        expires: FLOOD_START + 9 * DAY,
      },
      gemeente,
      signer,
    );
    for (const update of FLOOD_UPDATES) {
      clock = FLOOD_START + update.after;
      await publicSpace.crisis.addUpdateSigned(alert.id, { text: update.text }, gemeente, signer);
    }

    clock = now - 3 * DAY;
    for (const [order, board] of DEMO_BOARDS.entries()) {
      clock += HOUR;
      const created = publicSpace.boards.create({ ...board, order }, anja);
      publicSpace.boards.saveVersion(created.id, 'Eerste versie', anja);
    }

    clock = now - 20 * DAY;
    seedSocialMap(publicSpace, (at) => (clock = at), now);

    const community = new CommunitySpace(communityDoc, ctx);
    seedParticipation(community, (at) => (clock = at), now);
    // Posts over the last two weeks, a few hours between comments and reactions.
    clock = now - 14 * DAY;
    for (const post of POSTS) {
      clock += 36 * HOUR;
      const created = community.posts.create(
        {
          title: post.title,
          body: post.body,
          category: post.category,
          village: post.village,
          ...(post.visibility ? { visibility: post.visibility } : {}),
          ...(post.photo && photos.has(post.photo.file)
            ? { photos: [photos.get(post.photo.file) as MediaRef] }
            : {}),
        },
        post.author,
      );
      const postClock = clock;
      const commentIds: string[] = [];
      for (const comment of post.comments) {
        clock += 3 * HOUR;
        const parentId = comment.answers === undefined ? undefined : commentIds[comment.answers];
        const saved = community.posts.comment(
          created.id,
          { body: comment.body, ...(parentId ? { parentId } : {}) },
          comment.author,
        );
        commentIds.push(saved.id);
      }
      for (const [kind, author] of post.reactions ?? []) {
        clock += HOUR;
        community.posts.react(created.id, kind, author, true);
      }
      clock = postClock;
    }

    // The agenda: events planned a few days ahead of their date, then the RSVPs.
    const today = zonedDate(now);
    for (const event of EVENTS) {
      const date = addDays(today, event.day);
      const when: EventInput['when'] =
        event.from && event.until
          ? {
              allDay: false,
              start: zonedInstant(date, event.from),
              end: zonedInstant(date, event.until),
            }
          : { allDay: true, startDate: date, endDate: date };
      clock = zonedInstant(addDays(date, -12), '20:00');
      const created = community.events.create({ ...event.input, when }, event.organiser);
      for (const [answer, author] of event.rsvps) {
        clock += 5 * HOUR;
        community.events.rsvp(created.id, answer, author);
      }
    }

    await storage.appendUpdate(
      roomName(DEMO_NEIGHBOURHOOD, 'public'),
      Y.encodeStateAsUpdate(publicDoc),
    );
    await storage.appendUpdate(
      roomName(DEMO_NEIGHBOURHOOD, 'community'),
      Y.encodeStateAsUpdate(communityDoc),
    );
    seedDirectory(new DirectorySpace(directoryDoc, ctx), (at) => (clock = at), now - 10 * DAY);
    await storage.appendUpdate(
      roomName(DEMO_NEIGHBOURHOOD, 'directory'),
      Y.encodeStateAsUpdate(directoryDoc),
    );
    return true;
  } finally {
    publicDoc.destroy();
    communityDoc.destroy();
    directoryDoc.destroy();
  }
}

/** Sets the seed's clock (ms): entries get realistic, spread-out timestamps. */
type SetClock = (at: number) => void;

/** The social map: help in and around the villages, and two residents' stories. */
function seedSocialMap(publicSpace: PublicSpace, setClock: SetClock, now: number): void {
  const map = publicSpace.socialMap;
  const voedselbank = map.organisations.create(
    {
      name: 'Voedselbank Mook en Middelaar',
      summary: 'Elke week een pakket met eten voor wie even niet rondkomt.',
      offer: 'Een voedselpakket per week, en hulp om te kijken welke regelingen er nog meer zijn.',
      forWhom: 'Huishoudens met een laag inkomen in de gemeente Mook en Middelaar.',
      openingHours: 'Donderdag 14.00–16.00 uur',
      contact: { phone: '024 123 45 67', email: 'info@voedselbank-mook.example' },
      address: 'Raadhuisplein, Mook',
      village: 'Mook',
      categories: ['food', 'money'],
    },
    anja,
  );
  setClock(now - 19 * DAY);
  const schuldhulp = map.organisations.create(
    {
      name: 'Schuldhulp Maasburen',
      summary: 'Gratis en in vertrouwen hulp bij geldzorgen en schulden.',
      offer: 'Een vaste vrijwilliger helpt met post, betalingsregelingen en een budgetplan.',
      forWhom: 'Iedereen in de buurt met geldzorgen, ook als de schulden nog klein zijn.',
      openingHours: 'Op afspraak, ook ’s avonds',
      contact: { phone: '024 765 43 21' },
      village: 'Molenhoek',
      categories: ['money', 'legal'],
    },
    gemeente,
  );
  setClock(now - 18 * DAY);
  const buurtzorg = map.organisations.create(
    {
      name: 'Buurtzorg Mook',
      summary: 'Wijkverpleging thuis, van wondzorg tot hulp bij het douchen.',
      offer: 'Verpleging en verzorging thuis, door een vast team uit de buurt.',
      forWhom:
        'Bewoners die thuis zorg nodig hebben, met een indicatie van de wijkverpleegkundige.',
      contact: { phone: '024 222 33 44', web: 'https://www.buurtzorg.example/mook' },
      village: 'Mook',
      categories: ['care', 'health'],
    },
    gemeente,
  );
  setClock(now - 17 * DAY);
  const energietoeslag = map.regulations.create(
    {
      name: 'Energietoeslag',
      summary: 'Eenmalig geld van de gemeente voor de energierekening.',
      whoQualifies: 'Huishoudens met een inkomen tot 120% van het sociaal minimum.',
      howToApply:
        'Met het formulier van de gemeente; de Schuldhulp helpt met invullen als je dat wilt.',
      organisationIds: [schuldhulp.id],
      categories: ['energy', 'money'],
    },
    gemeente,
  );
  map.regulations.create(
    {
      name: 'Voedselpakket',
      summary: 'Een wekelijks pakket van de voedselbank.',
      whoQualifies: 'Wie na de vaste lasten weinig overhoudt; de voedselbank rekent het met je na.',
      howToApply: 'Bel of kom langs op donderdagmiddag.',
      organisationIds: [voedselbank.id],
      categories: ['food'],
    },
    anja,
  );
  setClock(now - 12 * DAY);
  map.stories.create(
    {
      title: 'Eindelijk overzicht',
      text: 'Ik durfde de enveloppen niet meer open te maken. Na drie gesprekken had ik een plan, en nu slaap ik weer.',
      attribution: 'Ria (58), Molenhoek',
      consent: true,
      organisationIds: [schuldhulp.id],
      regulationIds: [energietoeslag.id],
    },
    anja,
  );
  map.stories.create(
    {
      title: 'Hulp zonder schaamte',
      text: 'Ik werd er vriendelijk ontvangen, met koffie. Niemand vroeg waarom.',
      consent: true,
      organisationIds: [voedselbank.id, buurtzorg.id],
    },
    anja,
  );
}

/** A participation round of the gemeente, in the responses phase, with ideas and support. */
function seedParticipation(community: CommunitySpace, setClock: SetClock, now: number): void {
  const rounds = community.participation;
  setClock(now - 21 * DAY);
  const round = rounds.start(
    {
      title: 'Herinrichting van het Raadhuisplein',
      summary:
        'Het Raadhuisplein in Mook wordt in 2027 opnieuw bestraat. We willen het plein groener en gezelliger maken, en horen graag wat u belangrijk vindt.',
      legalFrame:
        'Het budget is € 450.000. De rijbaan en de bushalte blijven waar ze zijn, en het plein moet toegankelijk blijven voor de markt op woensdag.',
      roomForChoice:
        'Waar bomen, bankjes en speelplekken komen, hoeveel parkeerplaatsen blijven, en hoe het plein ’s avonds verlicht wordt.',
      village: 'Mook',
      ideasUntil: now - 7 * DAY,
      responsesUntil: now + 7 * DAY,
    },
    gemeente,
  );
  setClock(now - 20 * DAY);
  rounds.advance(round.id, 'ideas', gemeente);
  const ideas = [
    {
      by: fatima,
      title: 'Bankjes in de schaduw',
      text: 'Zet bankjes onder de linden, zodat ouderen er ook in de zomer kunnen zitten.',
      supporters: [henk, marieke, joost, anja],
    },
    {
      by: joost,
      title: 'Speelplek bij de fontein',
      text: 'Een kleine speelplek bij de fontein: ouders zitten op het terras, kinderen spelen in zicht.',
      supporters: [fatima, marieke],
    },
    {
      by: henk,
      title: 'Minder parkeren, meer groen',
      text: 'Haal de helft van de parkeerplaatsen weg; de parkeerplaats bij de kerk is bijna altijd leeg.',
      supporters: [fatima],
    },
  ];
  const created = ideas.map((idea, i) => {
    setClock(now - (18 - i) * DAY);
    return { ...idea, id: rounds.submitIdea(round.id, idea, idea.by).id };
  });
  for (const [i, idea] of created.entries()) {
    for (const [j, supporter] of idea.supporters.entries()) {
      setClock(now - (15 - i) * DAY + j * HOUR);
      rounds.support(round.id, idea.id, true, supporter);
    }
  }
  setClock(now - 7 * DAY);
  rounds.advance(round.id, 'responses', gemeente);
  const [shade, play, parking] = created;
  setClock(now - 6 * DAY);
  if (parking) {
    rounds.respond(
      round.id,
      parking.id,
      { text: 'Op marktdag is het wel vol. Misschien alleen de rij langs het café?' },
      marieke,
    );
  }
  setClock(now - 5 * DAY);
  if (shade) {
    rounds.respond(round.id, shade.id, { text: 'En graag een prullenbak erbij.' }, joost);
  }
  if (play) {
    rounds.respond(
      round.id,
      play.id,
      { text: 'Let wel op de rijbaan: een hekje rond de speelplek.' },
      henk,
    );
  }
}

/** Directory profiles of the demo residents (opt-in, only fields they show the neighbourhood). */
function seedDirectory(directory: DirectorySpace, setClock: SetClock, from: number): void {
  const profiles: [Author, Parameters<DirectorySpace['profiles']['publish']>[0]][] = [
    [
      fatima,
      {
        displayName: fatima.name,
        area: 'Mook',
        skills: { topics: ['cooking', 'language-help'], tags: ['marokkaans koken'] },
        interests: { topics: ['gardening', 'walking'], tags: [] },
        wantsToLearn: { topics: ['bike-repair'], tags: [] },
        availability: ['weekends'],
        about: 'Ik kook graag voor veel mensen en help met Nederlandse brieven.',
      },
    ],
    [
      henk,
      {
        displayName: henk.name,
        area: 'Middelaar',
        skills: { topics: ['bike-repair', 'odd-jobs'], tags: [] },
        interests: { topics: ['gardening'], tags: ['imker'] },
        wantsToLearn: { topics: ['computer-help'], tags: [] },
        availability: ['weekday-daytime'],
      },
    ],
    [
      joost,
      {
        displayName: joost.name,
        area: 'Mook',
        skills: { topics: ['computer-help', 'sports'], tags: [] },
        interests: { topics: ['gardening', 'music'], tags: [] },
        wantsToLearn: { topics: ['cooking'], tags: [] },
        availability: ['evenings', 'weekends'],
      },
    ],
    [
      marieke,
      {
        displayName: marieke.name,
        area: 'Mook',
        skills: { topics: ['gardening', 'childcare'], tags: ['snoeien'] },
        interests: { topics: ['reading', 'walking'], tags: [] },
        availability: ['weekday-daytime', 'weekends'],
      },
    ],
  ];
  for (const [i, [author, profile]] of profiles.entries()) {
    setClock(from + i * DAY);
    directory.profiles.publish(profile, {}, author);
  }
}
