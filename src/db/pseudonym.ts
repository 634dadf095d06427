// Pseudonymous user ids: a keyed HMAC of the platform's user id, so the log can count and forget a
// user's questions without ever holding who they are. Without the secret, the hash cannot be
// recomputed from a guessed id (a plain hash of a Slack id could be, ids being short and guessable).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Pseudonymise = (userId: string) => string;

export function pseudonymiser(secret: string): Pseudonymise {
  // 128 bits: collisions are out of reach for any number of users a bot will ever see.
  return (userId) => createHmac('sha256', secret).update(userId, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The embedded database's secret when none is configured: generated once and kept beside the data
 * (readable by its owner only), so `npm start` needs no setting and hashes stay stable across restarts.
 */
export function secretFile(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  } catch (error) {
    // Another process (the insights script, a second bot) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
  return secret;
}
