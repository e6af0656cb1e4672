import { describe, expect, it } from 'vitest';
import { checksumOf, type MigrationFile } from './migration-files.ts';
import { planMigrations, type MigrationRecord } from './migration-plan.ts';

function file(name: string, script = `-- ${name}\n`): MigrationFile {
  return { name, script, checksum: checksumOf(script) };
}

function record(migration: MigrationFile, overrides: Partial<MigrationRecord> = {}): MigrationRecord {
  return {
    id: `id-${migration.name}`,
    migrationName: migration.name,
    checksum: migration.checksum,
    startedAt: new Date('2024-01-01T00:00:00Z'),
    finishedAt: new Date('2024-01-01T00:00:01Z'),
    rolledBackAt: null,
    logs: null,
    ...overrides,
  };
}

const first = file('20240101000000_first');
const second = file('20240102000000_second');
const third = file('20240103000000_third');

describe('planMigrations', () => {
  it('applies everything on a fresh database, in order', () => {
    expect(planMigrations([first, second], []).pending).toEqual([first, second]);
  });

  it('applies only what is not recorded', () => {
    const plan = planMigrations([first, second, third], [record(first), record(second)]);
    expect(plan.pending.map((m) => m.name)).toEqual([third.name]);
  });

  it('has nothing to do when everything is applied', () => {
    expect(planMigrations([first], [record(first)]).pending).toEqual([]);
  });

  it('applies again a migration whose record was rolled back', () => {
    const rolledBack = record(first, { finishedAt: null, rolledBackAt: new Date(), logs: 'boom' });
    expect(planMigrations([first], [rolledBack]).pending).toEqual([first]);
  });

  it('refuses while a failed migration is recorded (P3009)', () => {
    const failed = record(second, { finishedAt: null, logs: 'relation "x" does not exist' });
    expect(() => planMigrations([first, second], [record(first), failed])).toThrow(
      /^P3009: .*20240102000000_second.*relation "x" does not exist/s,
    );
  });

  it('refuses when an applied migration was edited afterwards', () => {
    const edited = { ...first, script: `${first.script}DROP TABLE users;\n` };
    expect(() => planMigrations([edited], [record(first)])).toThrow(/^CHECKSUM_MISMATCH: .*20240101000000_first/);
  });

  it('reports applied migrations this checkout does not know without failing', () => {
    const plan = planMigrations([first], [record(first), record(second)]);
    expect(plan).toEqual({ pending: [], unknownApplied: [second.name] });
  });
});
