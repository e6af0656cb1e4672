-- CreateEnum
CREATE TYPE "channel_health" AS ENUM ('healthy', 'unhealthy');

-- AlterTable
ALTER TABLE "whatsapp_channels" ADD COLUMN     "health" "channel_health" NOT NULL DEFAULT 'healthy',
ADD COLUMN     "health_reason" TEXT,
ADD COLUMN     "last_send_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_send_error_code" INTEGER;
