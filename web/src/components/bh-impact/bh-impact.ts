/**
 * Impact figures for moderators and officials: per week, for the whole neighbourhood or
 * one village, posts, events, RSVPs, active members, questions answered and the median
 * time to answer, and new connections through events and through contact requests, as small
 * multiples over the chosen period. Computed on this device from the community document
 * (shared/src/impact) and, for contact requests, the acceptance times the relay gives
 * moderators (only while online: offline that figure is left out and said so); counts
 * under the threshold are shown as "< 5" and explained, so no resident can be picked out.
 * Each chart has a text summary and a table; the figures download as CSV.
 *
 * @csspart charts - the grid of charts
 */
import {
  type CommunitySpace,
  type Figure,
  addDays,
  type ImpactFigures,
  canModerate,
  impactCsvRows,
  impactFigures,
  startOfWeek,
  toCsv,
  zonedDate,
  zonedInstant,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext, identityContext, sessionsContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { downloadText } from '../../app/download.js';
import type { IdentityService } from '../../app/identity.js';
import { callRelay } from '../../app/relay-api.js';
import type { Sessions } from '../../identity/session.js';
import { type ChartPoint, weekChart } from '../../impact/week-chart.js';
import { LocaleController, type MessageKey, intlTag, t } from '../../i18n/i18n.js';
import { styles } from './bh-impact.styles.js';

const PERIODS = [4, 12, 26] as const;

@customElement('bh-impact')
export class BhImpact extends LitElement {
  static override styles = styles;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @property() nb = '';

  @consume({ context: sessionsContext, subscribe: true })
  private sessions?: Sessions;

  /** When contact requests were accepted (ms), from the relay; undefined until it answers. */
  @state() private contactsAccepted?: number[];
  private readonly onOnline = () => void this.loadContacts();

  @state() private weeks: (typeof PERIODS)[number] = 12;
  /** '' for the whole neighbourhood. */
  @state() private village = '';

  private readonly clock = new ClockController(this, 3600_000);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    void this.loadContacts();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
  }

  private async loadContacts() {
    await this.updateComplete;
    const nb = this.nb;
    const me = this.identity?.current;
    if (!me || !canModerate(me.role)) return;
    try {
      const answer = (await callRelay(
        { token: () => this.sessions?.usableToken(nb) ?? null, online: () => navigator.onLine },
        'GET',
        '/api/contacts/accepted',
      )) as { accepted?: unknown };
      const times = Array.isArray(answer.accepted) ? answer.accepted : [];
      this.contactsAccepted = times
        .filter((s): s is number => Number.isFinite(s))
        .map((s) => s * 1000);
    } catch {
      // Offline or refused: the figure stays out, and the view says why.
    }
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private figures(): ImpactFigures | null {
    const me = this.identity?.current;
    if (!me || !canModerate(me.role) || !this.community) return null;
    // Whole weeks: from the Monday `weeks - 1` weeks back, so "4 weeks" shows four bars.
    const to = this.clock.now;
    const monday = startOfWeek(zonedDate(to));
    const from = zonedInstant(addDays(monday, -7 * (this.weeks - 1)));
    return impactFigures(this.community, me, {
      from,
      to,
      ...(this.contactsAccepted && { contactsAccepted: this.contactsAccepted }),
    });
  }

  override render() {
    const result = this.figures();
    if (!result) {
      return html`<div class="card">
        <h2 tabindex="-1">${t('impact.heading')}</h2>
        <p>${t('impact.notForYou')}</p>
      </div>`;
    }
    const village = result.villages.includes(this.village) ? this.village : '';
    const rows = result.rows.filter((r) => (r.village ?? '') === village);
    return html`<section aria-labelledby="impact-heading">
      <h2 id="impact-heading" tabindex="-1">${t('impact.heading')}</h2>
      <p class="intro">${t('impact.intro')}</p>
      <p class="suppressed-note">${t('impact.suppressed', { threshold: result.threshold })}</p>
      ${
        result.figures.includes('contactConnections')
          ? nothing
          : html`<p class="hint">${t('impact.contactsOffline')}</p>`
      }
      <form class="card controls" @submit=${(e: Event) => e.preventDefault()}>
        <div class="row">
          <div class="field">
            <label for="period">${t('impact.period')}</label>
            <select
              id="period"
              @change=${(e: Event) =>
                (this.weeks = Number((e.target as HTMLSelectElement).value) as 4 | 12 | 26)}
            >
              ${PERIODS.map(
                (w) =>
                  html`<option value=${w} ?selected=${this.weeks === w}>
                    ${t('impact.lastWeeks', { count: w })}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="village">${t('impact.village')}</label>
            <select
              id="village"
              @change=${(e: Event) => (this.village = (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${village === ''}>${t('impact.allVillages')}</option>
              ${result.villages.map(
                (v) => html`<option value=${v} ?selected=${village === v}>${v}</option>`,
              )}
            </select>
          </div>
        </div>
        <button type="button" class="secondary" @click=${() => this.download(result)}>
          ${t('impact.download')}
        </button>
      </form>
      <ul part="charts" class="charts">
        ${result.figures.map((figure) => {
          const points: ChartPoint[] = result.weeks.map((week) => {
            const row = rows.find((r) => r.week === week);
            // null is a suppressed count; a week without a row had nothing at all.
            return { label: weekLabel(week), value: row ? row.figures[figure] : 0 };
          });
          return html`<li class="card">${this.chart(figure, points, result.threshold)}</li>`;
        })}
      </ul>
    </section>`;
  }

  private chart(figure: Figure, points: ChartPoint[], threshold: number) {
    const id = `chart-${figure}`;
    const shown = points.filter((p) => p.value !== null).map((p) => p.value as number);
    const summary = t(
      figure === 'medianAnswerMinutes' ? 'impact.medianSummary' : 'impact.summary',
      {
        weeks: points.length,
        total: shown.reduce((a, b) => a + b, 0),
        max: shown.length ? Math.max(...shown) : 0,
        hidden: points.length - shown.length,
      },
    );
    // A median over too few questions is not a small count: it is simply not given.
    const median = figure === 'medianAnswerMinutes';
    const value = (v: number | null) =>
      v !== null ? String(v) : median ? t('impact.tooFew') : `< ${threshold}`;
    return html`<figure aria-labelledby=${`${id}-title`}>
      <h3 id=${`${id}-title`}>${t(figureKey(figure))}</h3>
      <div class="chart" role="img" aria-label=${`${t(figureKey(figure))}: ${summary}`}>
        ${weekChart(points, figure === 'medianAnswerMinutes' ? null : threshold)}
      </div>
      <figcaption>${summary}</figcaption>
      <details>
        <summary>${t('impact.table')}</summary>
        <table>
          <caption class="visually-hidden">
            ${t(figureKey(figure))}
          </caption>
          <thead>
            <tr>
              <th scope="col"><span>${t('impact.week')}</span></th>
              <th scope="col"><span>${t(figureKey(figure))}</span></th>
            </tr>
          </thead>
          <tbody>
            ${points.map(
              (p) =>
                html`<tr>
                  <th scope="row">${p.label}</th>
                  <td>${value(p.value)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </details>
      ${figure === 'medianAnswerMinutes' ? html`<p class="hint">${t('impact.medianHint')}</p>` : nothing}
    </figure>`;
  }

  private download(result: ImpactFigures) {
    const header = [
      t('impact.week'),
      t('impact.village'),
      ...result.figures.map((f) => t(figureKey(f))),
    ];
    const name = `impact-${result.weeks[0] ?? ''}-${result.weeks.at(-1) ?? ''}.csv`;
    downloadText(name, 'text/csv;charset=utf-8', toCsv(header, impactCsvRows(result)));
  }
}

function figureKey(figure: Figure): MessageKey {
  return `impact.figure.${figure}`;
}

/** A week's Monday (`YYYY-MM-DD`) as "2 mrt". */
function weekLabel(week: string): string {
  return new Intl.DateTimeFormat(intlTag(), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${week}T12:00:00Z`));
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-impact': BhImpact;
  }
}
