const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are UUIDs; anything else cannot name a row, so callers answer 404 without asking PostgreSQL (which would throw). */
export function looksLikeUuid(value: string): boolean {
  return UUID.test(value);
}
