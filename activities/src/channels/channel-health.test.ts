import { describe, expect, it } from 'vitest';
import { GraphApiError } from '@botflow/whatsapp';
import { channelProblem } from './channel-health.ts';

describe('channelProblem', () => {
  it('blames the access token for 401 and code 190, and says how to replace it', () => {
    const expired = channelProblem(new GraphApiError(401, 190, 'Error validating access token: Session has expired'));
    expect(expired).toMatch(/^Meta refused the access token: it has expired/);
    expect(expired).toContain('PATCH /api/channels/<id>');
    expect(expired).toContain('code 190: Error validating access token: Session has expired');
    expect(channelProblem(new GraphApiError(401, undefined, 'Graph API answered 401'))).toContain('HTTP 401');
  });

  it('names missing permissions, a locked account and an unregistered number', () => {
    expect(channelProblem(new GraphApiError(403, 10, '(#10) Permission denied'))).toMatch(
      /whatsapp_business_messaging/,
    );
    expect(channelProblem(new GraphApiError(403, 200, '(#200) Permissions error'))).toMatch(/may not send/);
    expect(channelProblem(new GraphApiError(403, undefined, 'Forbidden'))).toMatch(/may not send/);
    expect(channelProblem(new GraphApiError(400, 131031, 'Account has been locked'))).toMatch(/locked/);
    expect(channelProblem(new GraphApiError(400, 133010, 'Account not registered'))).toMatch(/not registered/);
  });

  it("leaves the number healthy when the failure is one message's or may pass", () => {
    for (const [status, code] of [
      [400, 131047],
      [400, 131026],
      [400, 100],
      [400, 130429],
      [500, 131000],
      [0, undefined],
    ] as const) {
      expect(channelProblem(new GraphApiError(status, code, 'x')), `${status}/${code}`).toBeNull();
    }
  });
});
