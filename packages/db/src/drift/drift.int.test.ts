import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../test-support/query.ts';
import { createTestDatabase, type TestDatabase } from '../testing.ts';
import { databaseSchemaShape } from './database-shape.ts';
import { modelSchemaShape } from './model-shape.ts';
import { compareSchemas, type DriftAllowances, type SchemaShape } from './schema-shape.ts';

const SCHEMA_PATH = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url));

/** What the migrations add on purpose beyond schema.prisma (see the end of the init migration). */
const SQL_ONLY: DriftAllowances = {
  tables: { _prisma_migrations: "Prisma Migrate's history table" },
  columns: { 'chunks.tsv': 'generated tsvector for full-text search: Prisma cannot declare generated columns' },
  indexes: {
    chunks_tsv_idx: 'GIN index on the generated tsvector',
    chunks_embedding_384_hnsw_idx: 'HNSW index (pgvector) per dimension: Prisma has no such index type',
    chunks_embedding_768_hnsw_idx: 'HNSW index (pgvector) per dimension: Prisma has no such index type',
    chunks_embedding_1024_hnsw_idx: 'HNSW index (pgvector) per dimension: Prisma has no such index type',
    chunks_embedding_1536_hnsw_idx: 'HNSW index (pgvector) per dimension: Prisma has no such index type',
    chunks_unembedded_idx: 'partial index: Prisma cannot declare the WHERE clause',
    event_outbox_unpublished_idx: 'partial index: Prisma cannot declare the WHERE clause',
  },
};

let db: TestDatabase;
let model: SchemaShape;
beforeAll(async () => {
  db = await createTestDatabase();
  model = await modelSchemaShape(SCHEMA_PATH);
});
afterAll(async () => {
  await db.drop();
});

describe('schema.prisma and the migrated database', () => {
  it('agree on tables, columns, types, nullability, keys, indexes and enums', async () => {
    expect(Object.keys(model.tables).length).toBeGreaterThan(10);
    expect(compareSchemas(model, await databaseSchemaShape(db.url), SQL_ONLY)).toEqual([]);
  });

  it('still have everything the migrations add beyond schema.prisma', async () => {
    // `prisma migrate dev` may put DROPs of some of these in the next migration it writes: delete those lines.
    expect(await query(db.url, `SELECT extname FROM pg_extension WHERE extname = 'vector'`)).toEqual([
      { extname: 'vector' },
    ]);
    const indexes = await query<{ name: string; definition: string }>(
      db.url,
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema()`,
    );
    const definition = (name: string) => indexes.find((index) => index.name === name)?.definition;
    for (const dimension of [384, 768, 1024, 1536]) {
      expect(definition(`chunks_embedding_${dimension}_hnsw_idx`)).toMatch(
        new RegExp(
          `USING hnsw \\(\\(\\(embedding\\)::vector\\(${dimension}\\)\\) vector_cosine_ops\\) ` +
            `WITH \\(m='?16'?, ef_construction='?64'?\\) WHERE \\(vector_dims\\(embedding\\) = ${dimension}\\)`,
        ),
      );
    }
    expect(definition('chunks_unembedded_idx')).toMatch(/WHERE \(embedding IS NULL\)/);
    expect(definition('chunks_tsv_idx')).toMatch(/USING gin \(tsv\)/);
    expect(definition('event_outbox_unpublished_idx')).toMatch(/WHERE \(published_at IS NULL\)/);

    const [tsv] = await query(
      db.url,
      `SELECT format_type(atttypid, atttypmod) AS type, attgenerated AS generated,
              pg_get_expr(d.adbin, d.adrelid) AS expression
       FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = 'chunks'::regclass AND a.attname = 'tsv'`,
    );
    expect(tsv).toEqual({ type: 'tsvector', generated: 's', expression: "to_tsvector('simple'::regconfig, content)" });

    const checks = await query<{ name: string }>(
      db.url,
      `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE c.contype = 'c' AND c.conrelid <> 0 AND n.nspname = current_schema()`,
    );
    expect(checks.map((check) => check.name).sort()).toEqual([
      'contacts_identity_check',
      'documents_progress_check',
      'knowledge_bases_dimension_check',
      'knowledge_bases_thresholds_check',
      'unanswered_questions_times_asked_check',
    ]);
  });

  it('are reported as drifting when the database changes behind the model', async () => {
    const drifted = await createTestDatabase();
    try {
      await query(
        drifted.url,
        `ALTER TABLE bots DROP COLUMN name;
         ALTER TABLE contacts ADD COLUMN nickname text;
         ALTER TABLE messages ALTER COLUMN type DROP NOT NULL;
         ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(512);
         DROP INDEX contacts_organisation_id_wa_id_key;
         ALTER TABLE conversations DROP CONSTRAINT conversations_bot_id_fkey;
         ALTER TYPE membership_role ADD VALUE 'guest';`,
      );
      expect(compareSchemas(model, await databaseSchemaShape(drifted.url), SQL_ONLY).sort()).toEqual([
        'column bots.name is missing from the database',
        'column chunks.embedding is vector(512) in the database, vector in the model',
        'column contacts.nickname is not in the data model',
        'column messages.type is nullable in the database, NOT NULL in the model',
        'enum membership_role is (owner, admin, editor, viewer, guest) in the database, (owner, admin, editor, viewer) in the model',
        'foreign key conversations (bot_id) -> bots(id) ON DELETE SetNull ON UPDATE Cascade is missing from the database',
        'unique index on contacts (organisation_id, wa_id) is missing from the database',
      ]);
    } finally {
      await drifted.drop();
    }
  });
});
