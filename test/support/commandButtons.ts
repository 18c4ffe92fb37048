/** The command each button of a card sends when pressed (a plain Action.Submit's `data.command`), in order. */
export function commandButtons(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      const command = (o.data as { command?: string } | undefined)?.command;
      if (o.type === 'Action.Submit' && command) out.push(command);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
