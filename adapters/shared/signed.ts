// Values that travel through the platform and come back (a button's value) signed with an HMAC, so a
// forged or altered value is refused: the bot only ever acts on what it put there itself. The key is
// derived from a secret every replica already shares (the bot token), so any replica can check it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** 16 bytes of HMAC-SHA256: forging one is still 2^128 work, and it keeps values short. */
const MAC_BYTES = 16;

export interface Signer {
  /** `payload.mac`, to put in a button. */
  sign(payload: string): string;
  /** The payload, when the value is one this signer made; undefined for anything else. */
  open(value: string): string | undefined;
}

export function createSigner(secret: string, purpose: string): Signer {
  const key = createHash('sha256').update(`treaty-bot ${purpose}\0${secret}`).digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
  return {
    sign: (payload) => `${payload}.${mac(payload).toString('base64url')}`,
    open(value) {
      const dot = value.lastIndexOf('.');
      if (dot < 0) return undefined;
      const payload = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1), 'base64url');
      return given.length === MAC_BYTES && timingSafeEqual(given, mac(payload)) ? payload : undefined;
    },
  };
}
