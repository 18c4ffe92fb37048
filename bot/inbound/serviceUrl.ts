import { isIP } from 'node:net';

/**
 * True when replies to this serviceUrl stay on this machine: http(s) to localhost, 127.0.0.0/8 or ::1.
 * Demo mode authenticates nothing, so it must not be talked into sending cards (with whatever they
 * show) to an address given by whoever posted the activity.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
