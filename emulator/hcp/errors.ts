/** A MAPI failure: the HTTP status and the text sent in X-HCP-ErrorMessage. */
export class MapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): MapiError => new MapiError(400, message);
export const forbidden = (message: string): MapiError => new MapiError(403, message);
export const notFound = (message: string): MapiError => new MapiError(404, message);
export const conflict = (message: string): MapiError => new MapiError(409, message);
export const unsupportedMediaType = (message: string): MapiError => new MapiError(415, message);
