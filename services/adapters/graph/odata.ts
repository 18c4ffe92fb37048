/** A string literal for `$filter`, quotes doubled as OData wants. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A path segment (an id from outside) made safe to put in a URL. */
export function seg(id: string): string {
  return encodeURIComponent(id);
}

/** Builds `path?$a=b&$c=d`, encoding each value once. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}
