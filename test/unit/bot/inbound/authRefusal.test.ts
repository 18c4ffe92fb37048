import { strict as assert } from 'node:assert';
import { AuthenticationError } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { authRefusal } from '../../../../bot/inbound/authRefusal';

describe('authRefusal', () => {
  it('answers 401 to what the caller got wrong, naming it', () => {
    const cases: [Error, string][] = [
      [new AuthenticationError('The token has expired', 401), 'expired'],
      [new jwt.NotBeforeError('jwt not active', new Date()), 'notYetValid'],
      [new jwt.JsonWebTokenError('invalid signature'), 'badSignature'],
      [new jwt.JsonWebTokenError('invalid algorithm'), 'badAlgorithm'],
      [new jwt.JsonWebTokenError('jwt malformed'), 'malformed'],
      [new AuthenticationError('Unauthorized. Invalid AppId passed on token: x', 401), 'audience'],
      [new AuthenticationError('Unauthorized. ServiceUrl claim do not match.', 401), 'serviceUrl'],
      [new AuthenticationError('Unauthorized Access. Request is not authorized', 401), 'noValidToken'],
      [new TypeError('something botbuilder never said before'), 'refused'],
    ];
    for (const [err, reason] of cases)
      assert.deepEqual([authRefusal(err).status, authRefusal(err).reason], [401, reason]);
  });

  it('answers 503 when the channel keys could not be read: our outage, not a bad token', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    assert.equal(authRefusal(refused).status, 503);
    assert.equal(authRefusal(new AuthenticationError('Failed to load Keys: 500', 500)).status, 503);
  });

  it('keeps tokens out of the detail', () => {
    const token = jwt.sign({ a: 1 }, 'k');
    const { detail } = authRefusal(new Error(`cannot read ${token} at all`));
    assert.ok(!detail.includes(token));
    assert.match(detail, /\[jwt\]/);
  });
});
