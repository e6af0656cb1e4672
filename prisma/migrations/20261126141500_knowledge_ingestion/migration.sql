-- Knowledge-base ingestion: stages and counters on documents, the uploaded bytes, owners' answers, unanswered
-- questions, and embeddings of any supported dimension (one knowledge base, one model, one dimension).

-- AlterEnum
ALTER TYPE "document_source" ADD VALUE 'answer';

-- CreateEnum
CREATE TYPE "document_stage" AS ENUM ('queued', 'fetching', 'parsing', 'embedding', 'finished');

-- CreateEnum
CREATE TYPE "unanswered_kind" AS ENUM ('unanswered', 'low_confidence');

-- AlterTable
ALTER TABLE "knowledge_bases" ADD COLUMN "answer_threshold" DOUBLE PRECISION NOT NULL DEFAULT 0.45,
ADD COLUMN "confident_threshold" DOUBLE PRECISION NOT NULL DEFAULT 0.6;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN "title" TEXT NOT NULL DEFAULT '',
ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "stage" "document_stage" NOT NULL DEFAULT 'queued',
ADD COLUMN "size_bytes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "page_count" INTEGER,
ADD COLUMN "chunk_count" INTEGER,
ADD COLUMN "embedded_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "embedding_model" TEXT;

-- CreateTable
CREATE TABLE "document_files" (
    "document_id" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "document_files_pkey" PRIMARY KEY ("document_id")
);

-- CreateTable
CREATE TABLE "unanswered_questions" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "bot_id" TEXT NOT NULL,
    "knowledge_base_id" TEXT NOT NULL,
    "question_key" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "kind" "unanswered_kind" NOT NULL,
    "times_asked" INTEGER NOT NULL DEFAULT 1,
    "best_similarity" DOUBLE PRECISION NOT NULL,
    "first_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "answer_document_id" TEXT,

    CONSTRAINT "unanswered_questions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unanswered_questions_organisation_id_bot_id_resolved_at_idx" ON "unanswered_questions"("organisation_id", "bot_id", "resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "unanswered_questions_bot_id_knowledge_base_id_question_key_key" ON "unanswered_questions"("bot_id", "knowledge_base_id", "question_key");

-- AddForeignKey
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unanswered_questions" ADD CONSTRAINT "unanswered_questions_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unanswered_questions" ADD CONSTRAINT "unanswered_questions_bot_id_fkey" FOREIGN KEY ("bot_id") REFERENCES "bots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unanswered_questions" ADD CONSTRAINT "unanswered_questions_knowledge_base_id_fkey" FOREIGN KEY ("knowledge_base_id") REFERENCES "knowledge_bases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unanswered_questions" ADD CONSTRAINT "unanswered_questions_answer_document_id_fkey" FOREIGN KEY ("answer_document_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- Below: what schema.prisma cannot express.
-- ---------------------------------------------------------------------------------------------------------------

-- Embeddings of any length: the column has no fixed dimension, and each supported dimension has its own partial HNSW
-- index over the column cast to that length (pgvector indexes only fixed-length vectors). A search casts the same way
-- and repeats the index's WHERE, so the planner can use it. 384: all-MiniLM-L6-v2; 768: nomic-embed-text, bge-base;
-- 1024: bge-large, mxbai-embed-large; 1536: OpenAI text-embedding-3-small.
DROP INDEX "chunks_embedding_hnsw_idx";
ALTER TABLE "chunks" ALTER COLUMN "embedding" TYPE vector;
CREATE INDEX "chunks_embedding_384_hnsw_idx" ON "chunks" USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE vector_dims("embedding") = 384;
CREATE INDEX "chunks_embedding_768_hnsw_idx" ON "chunks" USING hnsw (("embedding"::vector(768)) vector_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE vector_dims("embedding") = 768;
CREATE INDEX "chunks_embedding_1024_hnsw_idx" ON "chunks" USING hnsw (("embedding"::vector(1024)) vector_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE vector_dims("embedding") = 1024;
CREATE INDEX "chunks_embedding_1536_hnsw_idx" ON "chunks" USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE vector_dims("embedding") = 1536;
-- Without statistics on the expression the planner guesses 0.5 % of rows per dimension and may skip the index.
CREATE STATISTICS "chunks_embedding_dims_stats" ON (vector_dims("embedding")) FROM "chunks";

-- Chunks still to embed, for the ingestion's batches.
CREATE INDEX "chunks_unembedded_idx" ON "chunks"("document_id", "position") WHERE "embedding" IS NULL;

ALTER TABLE "knowledge_bases" DROP CONSTRAINT "knowledge_bases_dimension_check";
ALTER TABLE "knowledge_bases" ADD CONSTRAINT "knowledge_bases_dimension_check" CHECK ("dimension" IN (384, 768, 1024, 1536));
ALTER TABLE "knowledge_bases" ADD CONSTRAINT "knowledge_bases_thresholds_check" CHECK ("answer_threshold" BETWEEN 0 AND 1 AND "confident_threshold" BETWEEN "answer_threshold" AND 1);
ALTER TABLE "unanswered_questions" ADD CONSTRAINT "unanswered_questions_times_asked_check" CHECK ("times_asked" >= 1);
