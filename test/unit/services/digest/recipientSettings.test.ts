import { strict as assert } from 'node:assert';
import { loadConfig } from '../../../../services/config';
import { ManualClock } from '../../../../services/clock';
import { DigestRecipients } from '../../../../services/digest/recipients';
import { FakeDirectory } from '../fakes/directory';

const SECURITY_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

describe('Digest recipients: named users, a group, and the holders of roles', () => {
  it('DIGEST_RECIPIENT_ROLES takes role template ids, and names the setting when one is not', () => {
    const config = loadConfig({ DIGEST_RECIPIENT_ROLES: ` ${SECURITY_ADMIN} , ${GLOBAL_READER}` });
    assert.deepEqual(config.digest.recipientRoleIds, [SECURITY_ADMIN, GLOBAL_READER]);
    assert.deepEqual(loadConfig({}).digest.recipientRoleIds, []);
    assert.throws(
      () => loadConfig({ DIGEST_RECIPIENT_ROLES: 'Security Administrator' }),
      /DIGEST_RECIPIENT_ROLES[\s\S]*role template id/,
    );
  });

  it('unites the three, each person once; only they are recipients', async () => {
    const directory = new FakeDirectory();
    directory.groups.set('sec-team', ['lee', 'megan']);
    directory.roles.set(SECURITY_ADMIN, ['megan', 'nestor']);
    directory.roles.set(GLOBAL_READER, ['patti']);
    const recipients = new DigestRecipients({
      directory,
      clock: new ManualClock(new Date('2026-11-30T08:00:00Z')),
      settings: { users: ['patti'], groupId: 'sec-team', roleIds: [SECURITY_ADMIN, GLOBAL_READER] },
    });
    assert.deepEqual(
      (await recipients.resolve()).map((r) => r.id),
      ['lee', 'megan', 'nestor', 'patti'],
    );
    assert.equal(await recipients.isRecipient('nestor'), true);
    assert.equal(await recipients.isRecipient('adele'), false);
  });
});
