/**
 * The event composer's fields (strings, as the form holds them) turned into the model's
 * EventInput. Dates and times are read as wall-clock time in the neighbourhood's time zone;
 * what the form cannot even turn into a time is reported as ValidationError issues the same
 * way the model reports the rest, so the UI translates all of them alike.
 */
import {
  type EventInput,
  type EventView,
  ValidationError,
  type ValidationIssue,
  type Visibility,
  isCalendarDate,
  zonedDate,
  zonedInstant,
} from '@buurthub/shared';

export interface EventDraft {
  title: string;
  description: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  capacity: string;
  visibility: Visibility;
  village: string;
}

export const EMPTY_EVENT_DRAFT: EventDraft = {
  title: '',
  description: '',
  allDay: false,
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  place: '',
  capacity: '',
  visibility: 'members',
  village: '',
};

export type EventField = Exclude<keyof EventDraft, 'allDay'>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The model's issue path, as the form field that shows it. */
export function fieldOfIssue(path: string, allDay: boolean): EventField | null {
  const [head, sub] = path.split('.');
  if (head === 'when') {
    if (sub === 'startDate' || sub === 'startTime' || sub === 'endDate' || sub === 'endTime') {
      return sub;
    }
    if (sub === 'end') return allDay ? 'endDate' : 'endTime';
    return 'startDate';
  }
  const fields: EventField[] = [
    'title',
    'description',
    'place',
    'capacity',
    'visibility',
    'village',
  ];
  return fields.find((f) => f === head) ?? null;
}

/**
 * The input for `events.create`; throws a ValidationError for dates, times or a capacity
 * the form cannot read (`when.startDate` / `when.startTime` / `when.endDate` /
 * `when.endTime` / `capacity` with code `required` or `invalid`).
 */
export function draftToInput(draft: EventDraft, timeZone: string): EventInput {
  const issues: ValidationIssue[] = [];
  const need = (ok: boolean, empty: boolean, path: string) => {
    if (!ok) issues.push({ path, code: empty ? 'required' : 'invalid', message: `${path} needed` });
  };
  const endDate = draft.endDate || draft.startDate;
  need(isCalendarDate(draft.startDate), !draft.startDate, 'when.startDate');
  need(isCalendarDate(endDate), !endDate, 'when.endDate');
  if (!draft.allDay) {
    need(TIME.test(draft.startTime), !draft.startTime, 'when.startTime');
    need(TIME.test(draft.endTime), !draft.endTime, 'when.endTime');
  }
  const capacityText = draft.capacity.trim();
  const capacity = capacityText === '' ? undefined : Number(capacityText);
  if (capacity !== undefined && !Number.isInteger(capacity)) {
    issues.push({ path: 'capacity', code: 'invalid', message: 'capacity must be a whole number' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const when: EventInput['when'] = draft.allDay
    ? { allDay: true, startDate: draft.startDate, endDate }
    : {
        allDay: false,
        start: zonedInstant(draft.startDate, draft.startTime, timeZone),
        end: zonedInstant(endDate, draft.endTime, timeZone),
      };
  return {
    title: draft.title,
    description: draft.description,
    when,
    place: draft.place,
    visibility: draft.visibility,
    ...(capacity !== undefined ? { capacity } : {}),
    ...(draft.village ? { village: draft.village } : {}),
  };
}

/** `HH:MM` on the clocks of `timeZone` at `ms`. */
function zonedTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** The form's fields for editing `event`: the inverse of `draftToInput`. */
export function eventToDraft(event: EventView, timeZone: string): EventDraft {
  const { when } = event;
  const times = when.allDay
    ? { startDate: when.startDate, startTime: '', endDate: when.endDate, endTime: '' }
    : {
        startDate: zonedDate(when.start, timeZone),
        startTime: zonedTime(when.start, timeZone),
        endDate: zonedDate(when.end, timeZone),
        endTime: zonedTime(when.end, timeZone),
      };
  return {
    title: event.title,
    description: event.description,
    allDay: when.allDay,
    ...times,
    // Left empty for a one-day event, as the form asks; moving its date then moves its end.
    endDate: times.endDate === times.startDate ? '' : times.endDate,
    place: event.place,
    capacity: event.capacity === undefined ? '' : String(event.capacity),
    visibility: event.visibility,
    village: event.village ?? '',
  };
}
