import type { Response, Server } from 'restify';

/**
 * The privacy statement and terms of use the Teams manifest links to by default
 * (`https://BOT_DOMAIN/privacy`, `/terms`): Teams refuses an app package without them, and a link
 * that answers 404 is what an admin reviewing the app sees first. Deployments with their own pages
 * set PRIVACY_URL and TERMS_URL instead.
 */
export function serveLegalPages(server: Server): void {
  server.get('/privacy', async (_req, res) => sendPage(res, 'Gatekeeper: privacy', PRIVACY));
  server.get('/terms', async (_req, res) => sendPage(res, 'Gatekeeper: terms of use', TERMS));
}

function sendPage(res: Response, title: string, body: string[]): void {
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${title}</title></head><body>`,
    `<h1>${title}</h1>`,
    ...body.map((p) => `<p>${p}</p>`),
    '</body></html>',
  ].join('\n');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
  });
  res.end(html);
}

const PRIVACY = [
  'Gatekeeper is a bot your organisation runs in its own Azure subscription. It keeps no data outside the ' +
    'organisation: requests, decisions, reviews and their audit trail are stored in the MongoDB database ' +
    'your administrators configured, and read from and written to Microsoft Entra ID through Microsoft Graph ' +
    'on your behalf.',
  'It stores your Microsoft Entra object id, your Teams conversation reference (to send you cards), the ' +
    'requests you make and decide, and the justifications you type. Audit records stay in that database; ' +
    'ask your administrators to export or delete yours.',
  'Gatekeeper sends no telemetry to its authors.',
];

const TERMS = [
  'Gatekeeper is open-source software provided as is, without warranty of any kind. Your organisation ' +
    'decides who may use it and what it may do in your tenant.',
  'Decisions you take in Gatekeeper (requests, approvals, reviews, role activations) are recorded in ' +
    'Microsoft Entra ID under your name, exactly as if you took them in the Entra admin center or My Access.',
];
