import { Runtime, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Logger } from '@botflow/service-kit';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Routes the Temporal SDK's own logs (worker state, workflow `log`) into the service's structured log. */
export function installTemporalRuntime(log: Logger): void {
  const sdkLog = log.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: {
      log: (level: LogLevel, message: string, meta?: LogMetadata) => sdkLog[LEVELS[level]](meta ?? {}, message),
      trace: (message, meta) => sdkLog.trace(meta ?? {}, message),
      debug: (message, meta) => sdkLog.debug(meta ?? {}, message),
      info: (message, meta) => sdkLog.info(meta ?? {}, message),
      warn: (message, meta) => sdkLog.warn(meta ?? {}, message),
      error: (message, meta) => sdkLog.error(meta ?? {}, message),
    },
  });
}
