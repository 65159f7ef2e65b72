/** Errors the model throws for requests a user may not make or about items that are gone. */

export class PermissionError extends Error {
  override readonly name = 'PermissionError';
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}
