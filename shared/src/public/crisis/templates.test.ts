import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixedContext, gemeente } from '../../test-support.js';
import { PublicSpace } from '../public-space.js';
import {
  ALERT_TEMPLATES,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
  alertTemplate,
  templateInput,
} from './templates.js';

describe('alert templates', () => {
  it('offers high water, storm, power outage, drinking water, heat and evacuation', () => {
    expect(ALERT_TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(TEMPLATE_IDS).toEqual([
      'hoogwater',
      'storm',
      'stroomstoring',
      'drinkwater',
      'hitte',
      'evacuatie',
    ]);
  });

  it('has every text in Dutch and English, and the two differ', () => {
    for (const template of ALERT_TEMPLATES) {
      for (const field of ['event', 'headline', 'description', 'instruction'] as const) {
        for (const locale of TEMPLATE_LOCALES) {
          expect(template[field][locale].trim(), `${template.id}.${field}.${locale}`).not.toBe('');
        }
        if (field !== 'event' || template.id !== 'storm') {
          expect(template[field].nl, `${template.id}.${field}`).not.toBe(template[field].en);
        }
      }
    }
  });

  it('uses the CAP category residents expect for each kind of crisis', () => {
    expect(alertTemplate('hoogwater').category).toBe('Met');
    expect(alertTemplate('storm').category).toBe('Met');
    expect(alertTemplate('stroomstoring').category).toBe('Infra');
    expect(alertTemplate('drinkwater').category).toBe('Infra');
    expect(alertTemplate('evacuatie').severity).toBe('extreme');
  });

  it('prefills an alert that can be published as it is, in both languages', () => {
    const ctx = fixedContext();
    const pub = new PublicSpace(new Y.Doc(), ctx);
    for (const template of ALERT_TEMPLATES) {
      for (const locale of TEMPLATE_LOCALES) {
        const input = templateInput(template, locale, {
          villages: ['Mook'],
          effective: ctx.now(),
        });
        const alert = pub.crisis.create(input, gemeente);
        expect(alert).toMatchObject({
          event: template.event[locale],
          headline: template.headline[locale],
          instruction: template.instruction[locale],
          category: template.category,
          severity: template.severity,
          urgency: template.urgency,
          certainty: template.certainty,
          expires: ctx.now() + template.durationHours * 3_600_000,
        });
      }
    }
  });
});
