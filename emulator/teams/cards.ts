import type { Recorded } from './recorder';

/** The Adaptive Card a recorded message carries, if any. */
export function cardOf(record: Recorded | undefined): Record<string, unknown> | undefined {
  const attachments = record?.activity?.attachments as
    { contentType?: string; content?: unknown }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return card?.content as Record<string, unknown> | undefined;
}

/** All the text a card shows, joined, for assertions on what the user reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') out.push(o[key]);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}
