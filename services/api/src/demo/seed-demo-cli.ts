// `node services/api/src/demo/seed-demo-cli.ts`: publishes the demo bot on the emulator's number, seeds its knowledge
// base (ingested by the worker once it runs) and gives the demo organisation an API token, printed last (idempotent).
import { Client, Connection, WorkflowIdConflictPolicy } from '@temporalio/client';
import { z } from 'zod';
import { INGEST_DOCUMENT_WORKFLOW, ingestionWorkflowId, TASK_QUEUES } from '@botflow/contracts';
import { createPrismaClient } from '@botflow/db';
import { secretBoxFromConfig } from '@botflow/secrets';
import { loadConfig, serverUrls } from '@botflow/service-kit';
import { demoApiToken, seedDemo, seedDemoApiToken, seedDemoKnowledge } from './seed-demo.ts';

const config = loadConfig(
  z.object({
    DATABASE_URL: serverUrls.DATABASE_URL,
    TEMPORAL_ADDRESS: serverUrls.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: serverUrls.TEMPORAL_NAMESPACE,
    INGESTION_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.ingestion),
    BOTFLOW_SECRETS_KEY: z.string().min(1),
    EMULATOR_PHONE_NUMBER_ID: z.string().default('100000000000001'),
    EMULATOR_WABA_ID: z.string().default('200000000000001'),
    EMULATOR_DISPLAY_PHONE: z.string().default('+15550000001'),
    EMULATOR_ACCESS_TOKEN: z.string().default('dev-access-token'),
    WHATSAPP_APP_SECRET: z.string().default('dev-app-secret'),
    WHATSAPP_VERIFY_TOKEN: z.string().default('dev-verify-token'),
  }),
);
const db = createPrismaClient(config.DATABASE_URL);
try {
  const { botId, version } = await seedDemo(db, secretBoxFromConfig(config.BOTFLOW_SECRETS_KEY), {
    phoneNumberId: config.EMULATOR_PHONE_NUMBER_ID,
    wabaId: config.EMULATOR_WABA_ID,
    displayPhoneNumber: config.EMULATOR_DISPLAY_PHONE,
    accessToken: config.EMULATOR_ACCESS_TOKEN,
    appSecret: config.WHATSAPP_APP_SECRET,
    verifyToken: config.WHATSAPP_VERIFY_TOKEN,
  });
  console.log(`demo bot ${botId} v${version} is published on phone number ${config.EMULATOR_PHONE_NUMBER_ID}`);
  const handbook = await seedDemoKnowledge(db);
  if (handbook) {
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    try {
      await new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }).workflow.start(INGEST_DOCUMENT_WORKFLOW, {
        workflowId: ingestionWorkflowId(handbook),
        taskQueue: config.INGESTION_TASK_QUEUE,
        args: [{ documentId: handbook }],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
    } finally {
      await connection.close();
    }
    console.log('the demo handbook is queued: the worker ingests it as it starts');
  }
  const token = demoApiToken(config.BOTFLOW_SECRETS_KEY);
  const { revoked } = await seedDemoApiToken(db, token);
  console.log(
    revoked ? 'the demo API token was revoked: make a new token for the demo organisation' : `demo API token: ${token}`,
  );
} finally {
  await db.$disconnect();
}
