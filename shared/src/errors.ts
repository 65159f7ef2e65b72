/** Errors the model throws for requests a user may not make or about items that are gone. */

export class PermissionError extends Error {
  override readonly name = 'PermissionError';
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** An RSVP "going" for an event whose places are all taken; "maybe" still works. */
export class EventFullError extends Error {
  override readonly name = 'EventFullError';
  constructor(
    readonly eventId: string,
    readonly capacity: number,
  ) {
    super(`The event is full: all ${capacity} places are taken.`);
  }
}

/** An RSVP "going" or "maybe", or a second cancel, for an event that was called off. */
export class EventCancelledError extends Error {
  override readonly name = 'EventCancelledError';
  constructor(readonly eventId: string) {
    super(`The event ${eventId} is cancelled.`);
  }
}

/** A step a participation round's current phase does not allow (e.g. an idea after the ideas phase). */
export class PhaseError extends Error {
  override readonly name = 'PhaseError';
  constructor(
    readonly roundId: string,
    readonly phase: string,
    what: string,
  ) {
    super(`Round ${roundId} is in phase "${phase}": ${what} is not possible now.`);
  }
}
