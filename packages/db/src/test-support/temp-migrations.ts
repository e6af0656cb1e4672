import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A migrations folder in the temp directory, laid out as Prisma's, for tests that need their own migrations. */
export class TempMigrations {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(migrations: Record<string, string> = {}): Promise<TempMigrations> {
    const temp = new TempMigrations(await mkdtemp(path.join(tmpdir(), 'botflow-migrations-')));
    await writeFile(path.join(temp.dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    for (const [name, script] of Object.entries(migrations)) await temp.write(name, script);
    return temp;
  }

  /** Adds a migration, or overwrites its script. */
  async write(name: string, script: string): Promise<void> {
    await mkdir(path.join(this.dir, name), { recursive: true });
    await writeFile(path.join(this.dir, name, 'migration.sql'), script);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
