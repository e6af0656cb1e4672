-- CreateEnum
CREATE TYPE "message_media_status" AS ENUM ('pending', 'stored', 'refused', 'failed');

-- CreateTable
CREATE TABLE "message_media" (
    "id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "wamid" TEXT NOT NULL,
    "media_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mime_type" TEXT,
    "size_bytes" INTEGER,
    "sha256" TEXT,
    "storage_key" TEXT,
    "status" "message_media_status" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_media_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "message_media_wamid_key" ON "message_media"("wamid");

-- CreateIndex
CREATE INDEX "message_media_conversation_id_idx" ON "message_media"("conversation_id");

-- CreateIndex
CREATE INDEX "message_media_sha256_idx" ON "message_media"("sha256");

-- AddForeignKey
ALTER TABLE "message_media" ADD CONSTRAINT "message_media_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
