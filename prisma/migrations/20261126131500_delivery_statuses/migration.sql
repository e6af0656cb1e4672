-- CreateTable
CREATE TABLE "unmatched_statuses" (
    "id" TEXT NOT NULL,
    "phone_number_id" TEXT NOT NULL,
    "wamid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unmatched_statuses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unmatched_statuses_received_at_idx" ON "unmatched_statuses"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "unmatched_statuses_wamid_status_key" ON "unmatched_statuses"("wamid", "status");
