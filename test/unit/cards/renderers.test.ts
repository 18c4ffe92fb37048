import { strict as assert } from 'node:assert';
import { renderErrorCard } from '../../../cards/error';
import { renderHelpCard } from '../../../cards/help';
import { renderWelcomeCard } from '../../../cards/welcome';

const texts = (card: object): string => JSON.stringify(card);

describe('typed card renderers', () => {
  it('welcome card greets the user by name, offers what works as buttons and names what is coming', () => {
    const card = renderWelcomeCard({
      userName: 'Adele Vance',
      tenantName: 'Contoso',
      commands: [{ keyword: 'my requests', description: 'Follow them' }],
      comingSoon: ['Activating admin roles'],
    });
    assert.match(texts(card), /Welcome to Gatekeeper, Adele Vance/);
    // A plain Action.Submit carries the command (the Playground ignores msteams.imBack), and the
    // welcome card stays in the chat.
    assert.match(texts(card), /"title":"My requests".*"data":\{"command":"my requests"\}/);
    assert.match(texts(card), /"data":\{"command":"what can you do"\}/);
    assert.doesNotMatch(texts(card), /imBack/);
    assert.match(texts(card), /Coming soon: activating admin roles\./);
  });

  it('welcome card greets without a name when Teams sent none (no "Welcome to Gatekeeper, there")', () => {
    const card = renderWelcomeCard({ tenantName: 'Contoso' });
    assert.match(texts(card), /"text":"Welcome to Gatekeeper"/);
  });

  it('help card lists every command and echoes unknown text only when given', () => {
    const commands = [
      { keyword: 'request access', description: 'Ask for access' },
      { keyword: 'approvals', description: 'Decide requests' },
    ];
    const plain = texts(
      renderHelpCard({ commands, comingSoon: [{ keyword: 'reviews', description: 'Do reviews' }] }),
    );
    assert.match(plain, /"text":"request access","weight":"Bolder"/);
    assert.match(plain, /"text":"approvals","weight":"Bolder"/);
    assert.match(plain, /"data":\{"command":"approvals"\}/);
    assert.doesNotMatch(plain, /"command":"reviews"/, 'no button for what does not work yet');
    assert.match(plain, /Do reviews \(not available yet\)/);
    assert.doesNotMatch(plain, /didn't understand/);
    assert.match(
      texts(renderHelpCard({ commands, unknownText: 'banana' })),
      /didn't understand \\"banana\\"/,
    );
  });

  it('error card shows message and code, and user text is not evaluated as a template', () => {
    const card = renderErrorCard({ title: 'Oops', message: 'Bad ${1+1}', code: 'badInput', reference: 'a1' });
    assert.match(texts(card), /Bad \$\{1\+1\}/);
    assert.match(texts(card), /Reference: badInput · a1/);
  });
});
