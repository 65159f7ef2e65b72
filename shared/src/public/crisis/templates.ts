/**
 * Alert templates: what officials and moderators start from when minutes count. Data only;
 * every text is given in Dutch (the source) and English, and the UI picks by locale.
 * `templateInput` turns a template into an AlertInput for the composer to prefill.
 */
import type {
  AlertCategory,
  AlertInput,
  AlertStatus,
  Certainty,
  Severity,
  Urgency,
} from './alert-schema.js';

export const TEMPLATE_LOCALES = ['nl', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export type LocalizedText = Record<TemplateLocale, string>;

export const TEMPLATE_IDS = [
  'hoogwater',
  'storm',
  'stroomstoring',
  'drinkwater',
  'hitte',
  'evacuatie',
] as const;
export type AlertTemplateId = (typeof TEMPLATE_IDS)[number];

export interface AlertTemplate {
  id: AlertTemplateId;
  /** The template's name in the list; also CAP's `event`. */
  event: LocalizedText;
  category: AlertCategory;
  severity: Severity;
  urgency: Urgency;
  certainty: Certainty;
  headline: LocalizedText;
  description: LocalizedText;
  instruction: LocalizedText;
  /** A sensible first `expires`, in hours after `effective`; updates can extend it. */
  durationHours: number;
}

export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  {
    id: 'hoogwater',
    event: { nl: 'Hoogwater', en: 'High water' },
    category: 'Met',
    severity: 'severe',
    urgency: 'expected',
    certainty: 'likely',
    headline: {
      nl: 'Hoogwater verwacht: laaggelegen delen kunnen onderlopen',
      en: 'High water expected: low-lying areas may flood',
    },
    description: {
      nl: 'Het waterpeil van de rivier stijgt. De hoogste stand wordt verwacht op [dag, tijd]. Uiterwaarden, kades en laaggelegen wegen kunnen onder water komen te staan.',
      en: 'The river level is rising. The highest level is expected on [day, time]. Floodplains, quays and low-lying roads may be flooded.',
    },
    instruction: {
      nl: 'Zet spullen in kelders en schuren hoog. Haal zandzakken op bij [plaats]. Blijf weg van dijken en uiterwaarden en volg de updates hier.',
      en: 'Move belongings in cellars and sheds up high. Collect sandbags at [place]. Stay away from dikes and floodplains and follow the updates here.',
    },
    durationHours: 72,
  },
  {
    id: 'storm',
    event: { nl: 'Storm', en: 'Storm' },
    category: 'Met',
    severity: 'severe',
    urgency: 'expected',
    certainty: 'likely',
    headline: {
      nl: 'Zware storm verwacht: blijf zo veel mogelijk binnen',
      en: 'Severe storm expected: stay indoors as much as possible',
    },
    description: {
      nl: 'Er worden zware windstoten verwacht van [tijd] tot [tijd]. Bomen kunnen omwaaien en losse voorwerpen kunnen wegwaaien.',
      en: 'Heavy gusts of wind are expected from [time] to [time]. Trees may fall and loose objects may be blown away.',
    },
    instruction: {
      nl: 'Zet tuinmeubels en vuilnisbakken vast of binnen. Vermijd bossen en parken. Ga alleen op pad als het echt nodig is.',
      en: 'Secure or bring in garden furniture and bins. Avoid woods and parks. Only travel if you really have to.',
    },
    durationHours: 24,
  },
  {
    id: 'stroomstoring',
    event: { nl: 'Stroomstoring', en: 'Power outage' },
    category: 'Infra',
    severity: 'moderate',
    urgency: 'immediate',
    certainty: 'observed',
    headline: {
      nl: 'Stroomstoring in [dorpen]',
      en: 'Power outage in [villages]',
    },
    description: {
      nl: 'Sinds [tijd] is er geen stroom in [gebied]. De netbeheerder werkt aan herstel; verwacht herstel rond [tijd].',
      en: 'Since [time] there has been no power in [area]. The grid operator is working on it; expected back around [time].',
    },
    instruction: {
      nl: 'Houd de koelkast en vriezer dicht. Kijk om naar buren die zorg of medische apparatuur nodig hebben. Het buurthuis is open om te laden en op te warmen.',
      en: 'Keep the fridge and freezer closed. Check on neighbours who need care or medical equipment. The community centre is open to charge phones and warm up.',
    },
    durationHours: 12,
  },
  {
    id: 'drinkwater',
    event: { nl: 'Drinkwater', en: 'Drinking water' },
    category: 'Infra',
    severity: 'moderate',
    urgency: 'immediate',
    certainty: 'observed',
    headline: {
      nl: 'Kookadvies: kook kraanwater voor gebruik',
      en: 'Boil-water advice: boil tap water before use',
    },
    description: {
      nl: 'Het drinkwaterbedrijf heeft een verontreiniging gevonden in [gebied]. Tot nader bericht is het kraanwater niet veilig om zo te drinken.',
      en: 'The water company found contamination in [area]. Until further notice, tap water is not safe to drink as it is.',
    },
    instruction: {
      nl: 'Kook water minstens één minuut voor drinken, tandenpoetsen en het bereiden van eten. Flessenwater is te halen bij [plaats].',
      en: 'Boil water for at least one minute before drinking, brushing teeth or preparing food. Bottled water is available at [place].',
    },
    durationHours: 48,
  },
  {
    id: 'hitte',
    event: { nl: 'Hitte', en: 'Heat' },
    category: 'Health',
    severity: 'moderate',
    urgency: 'expected',
    certainty: 'likely',
    headline: {
      nl: 'Hitteplan: het wordt de komende dagen extreem warm',
      en: 'Heat plan: extremely hot days ahead',
    },
    description: {
      nl: 'Er worden van [dag] tot [dag] temperaturen boven 30 °C verwacht. Ouderen, jonge kinderen en zieken lopen extra risico.',
      en: 'Temperatures above 30 °C are expected from [day] to [day]. Older people, young children and the sick are at extra risk.',
    },
    instruction: {
      nl: 'Drink genoeg water, blijf in de middag uit de zon en houd het huis koel. Bel of bezoek kwetsbare buren. Het buurthuis is een koele plek van [tijd] tot [tijd].',
      en: 'Drink enough water, stay out of the sun in the afternoon and keep your home cool. Call or visit vulnerable neighbours. The community centre is a cool place from [time] to [time].',
    },
    durationHours: 96,
  },
  {
    id: 'evacuatie',
    event: { nl: 'Evacuatie', en: 'Evacuation' },
    category: 'Rescue',
    severity: 'extreme',
    urgency: 'immediate',
    certainty: 'observed',
    headline: {
      nl: 'Evacuatie: verlaat [gebied] nu',
      en: 'Evacuation: leave [area] now',
    },
    description: {
      nl: 'De gemeente heeft opdracht gegeven [gebied] te evacueren vanwege [reden]. De opvang is in [plaats].',
      en: 'The municipality has ordered the evacuation of [area] because of [reason]. Shelter is at [place].',
    },
    instruction: {
      nl: 'Neem medicijnen, papieren, telefoon en oplader mee. Sluit gas, water en stroom af. Help buren die hulp nodig hebben en volg de aanwijzingen van hulpdiensten.',
      en: 'Take medicines, documents, phone and charger. Turn off gas, water and power. Help neighbours who need it and follow the emergency services.',
    },
    durationHours: 48,
  },
];

export function alertTemplate(id: AlertTemplateId): AlertTemplate {
  const template = ALERT_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`No alert template ${id}`);
  return template;
}

/** The alert a template prefills, in `locale`, for the given villages and start time. */
export function templateInput(
  template: AlertTemplate,
  locale: TemplateLocale,
  options: { villages: string[]; effective: number; status?: AlertStatus },
): AlertInput {
  return {
    status: options.status ?? 'actual',
    event: template.event[locale],
    category: template.category,
    severity: template.severity,
    urgency: template.urgency,
    certainty: template.certainty,
    headline: template.headline[locale],
    description: template.description[locale],
    instruction: template.instruction[locale],
    villages: options.villages,
    effective: options.effective,
    expires: options.effective + template.durationHours * 3_600_000,
  };
}
