-- CreateEnum
CREATE TYPE "handoff_state" AS ENUM ('waiting', 'active');

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "agent_replied_at" TIMESTAMPTZ(3),
ADD COLUMN     "handed_over_at" TIMESTAMPTZ(3),
ADD COLUMN     "handoff_reason" TEXT,
ADD COLUMN     "handoff_state" "handoff_state";

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "agent" TEXT;

-- CreateIndex
CREATE INDEX "conversations_handoff_state_handed_over_at_idx" ON "conversations"("handoff_state", "handed_over_at");
