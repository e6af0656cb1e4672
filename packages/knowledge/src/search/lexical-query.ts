import { Prisma } from '@botflow/db';

/**
 * Languages whose stop words are left out of the question. chunks.tsv uses the `simple` configuration (no stemming,
 * no stop words, any language), so "what", "is", "o", "de" would otherwise match nearly every chunk.
 */
export const STOP_WORD_DICTIONARIES = ['english_stem', 'portuguese_stem', 'spanish_stem'] as const;

/**
 * A word found in more chunks than this is left to the dense search: it tells little about the question, and
 * ranking every chunk that holds it would cost more than the whole dense search on a large knowledge base.
 */
export const MAX_WORD_CHUNKS = 200;

/**
 * CTEs `question_words` and `lexical` (id, lexical_score, lexical_rank): the chunks holding any of the question's
 * words — an OR, since natural questions rarely contain every word of their answer — lexed the way chunks.tsv is.
 * Each word weighs ln(1 + MAX_WORD_CHUNKS / chunks holding it), so a rare code or name outweighs a common noun;
 * ts_rank has no such weighting and ties every chunk that shares one common word.
 * Counting a common word's chunks costs milliseconds on a large table, so words that ANALYZE's lexeme statistics
 * (pg_stats.most_common_elems, over the whole table) already put above the limit are dropped without counting.
 * `where` filters `c` (chunks) to what the caller may see; it is applied to the word counts too.
 */
export function lexicalCandidatesSql(question: string, where: Prisma.Sql, perList: number): Prisma.Sql {
  const notStopWord = Prisma.join(
    STOP_WORD_DICTIONARIES.map((dictionary) => Prisma.sql`ts_lexize(${Prisma.raw(`'${dictionary}'`)}, lexeme) <> '{}'`),
    ' AND ',
  );
  // Quoted for tsquery input (backslashes and quotes escaped), so any lexeme is read back verbatim.
  return Prisma.sql`
    common_words AS MATERIALIZED (
      SELECT s.most_common_elems::text::text[] AS words, s.most_common_elem_freqs AS freqs, t.reltuples AS chunks
      FROM pg_stats s JOIN pg_class t ON t.oid = 'chunks'::regclass
      WHERE s.schemaname = current_schema() AND s.tablename = 'chunks' AND s.attname = 'tsv'
    ),
    question_words AS MATERIALIZED (
      SELECT words.word, counted.chunks
      FROM (
        SELECT DISTINCT ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery AS word
        FROM unnest(tsvector_to_array(to_tsvector('simple', ${question}))) AS lexeme
        WHERE ${notStopWord}
          AND coalesce((SELECT freqs[array_position(words, lexeme)] * chunks FROM common_words), 0)
            <= ${MAX_WORD_CHUNKS}
      ) words
      CROSS JOIN LATERAL (
        SELECT count(*) AS chunks
        FROM (SELECT 1 FROM chunks c WHERE c.tsv @@ words.word AND ${where} LIMIT ${MAX_WORD_CHUNKS + 1}) holding
      ) counted
      WHERE counted.chunks BETWEEN 1 AND ${MAX_WORD_CHUNKS}
    ),
    lexical AS (
      SELECT id, lexical_score, rank() OVER (ORDER BY lexical_score DESC) AS lexical_rank
      FROM (
        SELECT c.id, sum(ln(1 + ${MAX_WORD_CHUNKS}::float8 / w.chunks)) AS lexical_score
        FROM question_words w JOIN chunks c ON c.tsv @@ w.word
        WHERE ${where}
        GROUP BY c.id
        ORDER BY lexical_score DESC
        LIMIT ${perList}
      ) matched
    )`;
}
