import { randomInt } from 'node:crypto';

/**
 * Join codes are read aloud and typed by elderly tenants on small phones: no look-alikes
 * (no 0/O, no 1/I/L). The database check ck_evening_join_code holds the same alphabet.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A uniformly random code; `pick(n)` must return an integer in [0, n) (crypto by default, for tests a stub). */
export function generateJoinCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}
