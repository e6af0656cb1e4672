import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { GraphApiError } from '@botflow/whatsapp';
import { recordSendFailure, recordSendSuccess } from './channel-health.ts';

const db = useMigratedDatabase();

async function newChannel(): Promise<string> {
  const phoneNumberId = `1${String(randomInt(1e9)).padStart(9, '0')}`;
  await db.prisma.whatsappChannel.create({
    data: {
      organisation: { create: { name: 'Health', slug: `health-${phoneNumberId}` } },
      phoneNumberId,
      wabaId: '200000000000001',
      displayPhoneNumber: '+15550000001',
      accessTokenCiphertext: new Uint8Array(1),
      appSecretCiphertext: new Uint8Array(1),
      verifyTokenCiphertext: new Uint8Array(1),
    },
  });
  return phoneNumberId;
}

const healthOf = (phoneNumberId: string) =>
  db.prisma.whatsappChannel.findUniqueOrThrow({
    where: { phoneNumberId },
    select: {
      health: true,
      healthReason: true,
      lastSendAt: true,
      lastSendError: true,
      lastSendErrorCode: true,
      lastSendErrorAt: true,
    },
  });

describe('channel health on the real database', () => {
  it('marks a number unhealthy when its token has expired, and healthy again after a send succeeds', async () => {
    const number = await newChannel();
    expect(await healthOf(number)).toMatchObject({ health: 'healthy', healthReason: null, lastSendAt: null });

    await recordSendFailure(db.prisma, number, new GraphApiError(401, 190, 'Error validating access token'));
    const broken = await healthOf(number);
    expect(broken).toMatchObject({
      health: 'unhealthy',
      lastSendError: 'Error validating access token',
      lastSendErrorCode: 190,
    });
    expect(broken.healthReason).toMatch(/^Meta refused the access token: it has expired/);
    expect(broken.lastSendErrorAt).toBeInstanceOf(Date);

    await recordSendSuccess(db.prisma, number);
    const fixed = await healthOf(number);
    expect(fixed).toMatchObject({ health: 'healthy', healthReason: null, lastSendErrorCode: 190 });
    expect(fixed.lastSendAt).toBeInstanceOf(Date);
  });

  it("keeps a number healthy when a failure is one message's, and still records the error", async () => {
    const number = await newChannel();
    await recordSendFailure(db.prisma, number, new GraphApiError(400, 131047, '(#131047) Re-engagement message'));
    expect(await healthOf(number)).toMatchObject({
      health: 'healthy',
      lastSendError: '(#131047) Re-engagement message',
      lastSendErrorCode: 131047,
    });
    await recordSendFailure(db.prisma, number, new GraphApiError(0, undefined, 'Graph API unreachable: ECONNRESET'));
    expect(await healthOf(number)).toMatchObject({ health: 'healthy', lastSendErrorCode: 131047 });
  });

  it('writes a healthy number at most every few seconds, but never delays an outage or a recovery', async () => {
    const number = await newChannel();
    await recordSendSuccess(db.prisma, number);
    const first = await healthOf(number);
    await recordSendSuccess(db.prisma, number);
    expect((await healthOf(number)).lastSendAt).toEqual(first.lastSendAt);

    await recordSendFailure(db.prisma, number, new GraphApiError(400, 131026, 'Message undeliverable'));
    await recordSendFailure(db.prisma, number, new GraphApiError(403, 10, '(#10) Permission denied'));
    const refused = await healthOf(number);
    expect(refused).toMatchObject({ health: 'unhealthy', lastSendErrorCode: 10 });
    expect(refused.healthReason).toMatch(/whatsapp_business_messaging/);

    await recordSendSuccess(db.prisma, number);
    expect(await healthOf(number)).toMatchObject({ health: 'healthy', healthReason: null });
  });

  it('ignores numbers that are not connected', async () => {
    await expect(recordSendSuccess(db.prisma, '999')).resolves.toBeUndefined();
    await expect(
      recordSendFailure(db.prisma, '999', new GraphApiError(401, 190, 'Error validating access token')),
    ).resolves.toBeUndefined();
  });
});
