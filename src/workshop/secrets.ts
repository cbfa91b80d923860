/**
 * The workshop's secrets: the short join code people type or scan, the facilitator
 * key behind the projector page, and the signing key of participant tokens. A token
 * is the participant's respondent id with its HMAC, so a phone's token stays valid
 * across a restart of the server without a table of tokens on disk.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Capital letters and digits without the look-alikes 0/O, 1/I/L: 31 symbols, read aloud and typed without doubt. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^6, about 887 million codes: with ten wrong tries allowed per address per minute and a half, guessing one takes centuries. */
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  // Rejection sampling keeps every symbol equally likely (256 is not a multiple of 31).
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** 192 random bits, URL-safe. */
export function newKey(): string {
  return randomBytes(24).toString('base64url');
}

/** What people type: any case, with spaces or dashes. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Compares a secret in constant time whatever the lengths, so timing reveals nothing about the right one. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function participantToken(signingKey: string, respondentId: string): string {
  return `${respondentId}.${signature(signingKey, respondentId)}`;
}

/** The respondent id a token was issued for, or null for anything else. */
export function tokenRespondent(signingKey: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  const id = token.slice(0, dot);
  return sameSecret(token.slice(dot + 1), signature(signingKey, id)) ? id : null;
}

function signature(signingKey: string, respondentId: string): string {
  return createHmac('sha256', signingKey).update(`participant:${respondentId}`).digest('base64url');
}

/** The facilitator's cookie value: derived from the key, so the cookie and the printed link are not the same string. */
export function facilitatorSession(facilitatorKey: string): string {
  return createHash('sha256').update(`pes-workshop facilitator session:${facilitatorKey}`).digest('base64url');
}
