import fs from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../api/errors';
import { fileLooksPlaintext } from '../db/cipher';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openDatabase, type OpenedDatabase } from '../db/open';
import { keySlotPath, readKeySlots, writeKeySlots, type KeySlotFile } from '../security/keyslots';

/** Refuses a plaintext SQLite file that another program wrote (one with tables but not our id). */
function checkOurs(file: string): void {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0 && sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('DB_FOREIGN', { file });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DB_CORRUPT', { file });
  } finally {
    sqlite.close();
  }
}

export type VaultState = 'setup' | 'locked' | 'open';

/**
 * The encrypted database and its key slots. Locked until a password (or the recovery key)
 * unwraps the master key; then the database stays open, and the master key in memory, so that
 * the administrator can wrap it for new users.
 */
export class Vault {
  private opened: OpenedDatabase | null = null;
  private masterKey: Uint8Array | null = null;

  constructor(
    readonly dbFile: string,
    private readonly migrationsDir: string,
  ) {}

  state(): VaultState {
    if (this.opened) return 'open';
    const size = fs.existsSync(this.dbFile) ? fs.statSync(this.dbFile).size : 0;
    const plaintext = size > 0 && fileLooksPlaintext(this.dbFile);
    // slots beside a plaintext database are from a setup that stopped before encrypting it:
    // nothing was ever encrypted under them, so the setup starts again
    if (readKeySlots(this.dbFile) && !plaintext) return 'locked';
    if (size === 0) return 'setup';
    if (plaintext) {
      // a plaintext database of ours (from before encryption) is set up and encrypted in place
      checkOurs(this.dbFile);
      return 'setup';
    }
    // encrypted pages come in whole pages; anything else is not a database at all
    if (size % 512 !== 0) throw new AppError('DB_NOT_SQLITE', { file: this.dbFile });
    // an encrypted database without its key slots cannot be opened by anyone: say so, don't offer setup
    throw new AppError('KEYSLOTS_MISSING', { file: keySlotPath(this.dbFile) });
  }

  /** The key slots, for a login: none means the database was never set up. */
  slots(): KeySlotFile {
    const file = readKeySlots(this.dbFile);
    if (file) return file;
    if (this.state() === 'setup') throw new AppError('SETUP_REQUIRED', { file: this.dbFile });
    throw new AppError('KEYSLOTS_MISSING', { file: keySlotPath(this.dbFile) });
  }

  saveSlots(file: KeySlotFile): void {
    writeKeySlots(this.dbFile, file);
  }

  /** Opens the database with the unwrapped master key; once open, a key must match it. */
  open(key: Uint8Array): OpenedDatabase {
    if (this.opened) {
      if (!this.masterKey || this.masterKey.length !== key.length || !timingSafeEqual(this.masterKey, key)) {
        throw new AppError('DB_KEY_REJECTED', { file: this.dbFile });
      }
      return this.opened;
    }
    this.opened = openDatabase({ file: this.dbFile, migrationsDir: this.migrationsDir, create: true, key });
    this.masterKey = key;
    return this.opened;
  }

  get database(): OpenedDatabase {
    if (!this.opened) throw new AppError('SESSION_REQUIRED');
    return this.opened;
  }

  get key(): Uint8Array {
    if (!this.masterKey) throw new AppError('SESSION_REQUIRED');
    return this.masterKey;
  }

  close(): void {
    this.opened?.sqlite.close();
    this.opened = null;
    this.masterKey?.fill(0);
    this.masterKey = null;
  }
}
