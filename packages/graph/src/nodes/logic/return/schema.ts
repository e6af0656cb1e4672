import { z } from 'zod';

export const returnOptions = z.object({});

export type ReturnOptions = z.output<typeof returnOptions>;
