import { strict as assert } from 'node:assert';
import { isLoopbackServiceUrl } from '../../../../bot/inbound/serviceUrl';

describe('isLoopbackServiceUrl (demo mode)', () => {
  it('accepts http(s) to 127.0.0.0/8, ::1 and localhost', () => {
    for (const url of [
      'http://127.0.0.1:3978/',
      'https://127.5.6.7/teams/',
      'http://[::1]:9000/',
      'http://localhost:1234/',
      'HTTP://LOCALHOST/',
    ])
      assert.ok(isLoopbackServiceUrl(url), url);
  });

  it('refuses other hosts, look-alikes, other schemes and non-URLs', () => {
    for (const url of [
      'https://smba.trafficmanager.net/amer/',
      'http://127.0.0.1.nip.io/',
      'http://127.0.0.1@evil.example/',
      'http://localhost.evil.example/',
      'http://169.254.169.254/',
      'http://[::ffff:a00:1]/',
      'ftp://127.0.0.1/',
      'file:///etc/passwd',
      '/relative/path',
      '',
    ])
      assert.ok(!isLoopbackServiceUrl(url), url);
  });
});
