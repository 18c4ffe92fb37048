import type { GraphRequest, GraphVersion, RouteDef } from './routing';

/** The outcome of matching a path against the module routes. */
export type RouteMatch =
  | { kind: 'found'; route: RouteDef; params: Record<string, string> }
  /** No route has this path: Graph names the first segment it could not resolve. */
  | { kind: 'noSegment'; segment: string }
  /** The path exists but not for this method. */
  | { kind: 'noMethod' };

interface Compiled {
  route: RouteDef;
  segs: string[];
  versions: GraphVersion[];
}

function decode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** Matches `/segment/:param` route paths; literal segments compare case-insensitively, as Graph does. */
export class RouteTable {
  private readonly routes: Compiled[] = [];

  add(routes: RouteDef[]): void {
    for (const route of routes) {
      this.routes.push({
        route,
        segs: route.path.split('/').filter(Boolean),
        versions: route.versions ?? ['v1.0'],
      });
    }
  }

  match(method: GraphRequest['method'], version: GraphVersion, path: string): RouteMatch {
    const segs = path.split('/').filter(Boolean).map(decode);
    let deepest = 0;
    let pathExists = false;
    for (const c of this.routes) {
      if (!c.versions.includes(version)) continue;
      const { params, matched } = this.compare(c.segs, segs);
      deepest = Math.max(deepest, matched);
      if (!params) continue;
      if (c.route.method === method) return { kind: 'found', route: c.route, params };
      pathExists = true;
    }
    if (pathExists) return { kind: 'noMethod' };
    return { kind: 'noSegment', segment: segs[deepest] ?? segs[segs.length - 1] ?? '' };
  }

  private compare(pattern: string[], segs: string[]): { params?: Record<string, string>; matched: number } {
    const params: Record<string, string> = {};
    let i = 0;
    for (; i < Math.min(pattern.length, segs.length); i++) {
      const p = pattern[i]!;
      const s = segs[i]!;
      if (p.startsWith(':')) params[p.slice(1)] = s;
      else if (decode(p).toLowerCase() !== s.toLowerCase()) return { matched: i };
    }
    return pattern.length === segs.length ? { params, matched: i } : { matched: i };
  }
}
