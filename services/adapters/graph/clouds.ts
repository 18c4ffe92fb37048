/** Microsoft's national clouds: Graph and Exchange hosts, and the token scopes that go with them. */

const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);
/** True for Microsoft Graph's own hosts, where the client sends tokens without being told. */
export function isPublicGraphHost(host: string): boolean {
  return GRAPH_HOSTS.has(host.toLowerCase());
}

/** Graph's `.default` scope for the configured cloud (the token audience stays Graph's). */
export function graphScope(baseUrl: string): string[] {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return [GRAPH_HOSTS.has(host) ? `https://${host}/.default` : 'https://graph.microsoft.com/.default'];
}

const EXCHANGE_HOSTS = new Set(['outlook.office365.com', 'outlook.office365.us', 'partner.outlook.cn']);

/** Exchange Online's `.default` scope: its own host in a Microsoft cloud, else the public audience. */
export function exchangeScope(baseUrl: string): string[] {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return [`https://${EXCHANGE_HOSTS.has(host) ? host : 'outlook.office365.com'}/.default`];
}
