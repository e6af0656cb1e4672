-- CreateTable
CREATE TABLE "analytics_processed_events" (
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_processed_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "analytics_hourly" (
    "bot_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "metric" TEXT NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_hourly_pkey" PRIMARY KEY ("bot_id","hour","metric")
);

-- CreateIndex
CREATE INDEX "analytics_processed_events_processed_at_idx" ON "analytics_processed_events"("processed_at");
