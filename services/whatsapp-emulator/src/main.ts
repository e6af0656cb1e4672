import { closeServer, createLogger, listen, Shutdown } from '@botflow/service-kit';
import { createEmulator } from './app.ts';
import { loadEmulatorConfig } from './config.ts';

const config = loadEmulatorConfig();
const log = createLogger('whatsapp-emulator', config.logLevel);
const shutdown = new Shutdown(log);
shutdown.listen();

const emulator = createEmulator({ ...config.options, log });
shutdown.add('emulator', emulator.close);
const server = await listen(emulator.app, config.port, config.host);
shutdown.add('http server', () => closeServer(server));
const base = `http://${config.host}:${config.port}`;
log.info(
  {
    graphApi: `${base}/${config.options.graphVersion}/${config.options.phoneNumberId}/messages`,
    webhookUrl: config.options.webhookUrl,
    chats: `${base}/chats`,
  },
  'whatsapp emulator listening',
);
