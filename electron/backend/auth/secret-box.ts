import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How a desk keeps a person's server token at rest. In Electron: the operating system's keychain
 * (safeStorage), so a copied database file opens nothing elsewhere. Fallback (web mode, Linux without a
 * keyring): AES-256-GCM with a random key in a 0600 file beside the database — a copy of the database
 * alone opens nothing; a copy of the whole data folder does (README says so). A token that no longer opens
 * (the keychain changed on a VDI or roaming profile) is simply "no token": the person signs in online
 * again; unsynced work is in the outbox, not behind the token, and is then pushed.
 */
export interface SecretBox {
  readonly kind: 'os-keychain' | 'desk-key';
  seal(plain: string): string;
  /** null when it cannot be opened here (another machine, another keychain, tampered). */
  open(sealed: string): string | null;
}

export function deskKeyBox(dataDir: string): SecretBox {
  const file = join(dataDir, 'desk.key');
  let key: Buffer | null = null;
  const getKey = () => {
    if (key) return key;
    if (existsSync(file)) key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    else {
      mkdirSync(dataDir, { recursive: true });
      key = randomBytes(32);
      writeFileSync(file, key.toString('base64'), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return key;
  };
  return {
    kind: 'desk-key',
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `dk1:${iv.toString('base64url')}:${c.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split(':');
      if (v !== 'dk1' || !iv || !tag || body === undefined) return null;
      try {
        const d = createDecipheriv('aes-256-gcm', getKey(), Buffer.from(iv, 'base64url'));
        d.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/** Electron's safeStorage, handed in by electron/main (the backend never imports electron). */
export function keychainBox(safe: { encryptString(s: string): Buffer; decryptString(b: Buffer): string }): SecretBox {
  return {
    kind: 'os-keychain',
    seal: (plain) => `os1:${safe.encryptString(plain).toString('base64')}`,
    open(sealed) {
      if (!sealed.startsWith('os1:')) return null;
      try {
        return safe.decryptString(Buffer.from(sealed.slice(4), 'base64'));
      } catch {
        return null;
      }
    },
  };
}
