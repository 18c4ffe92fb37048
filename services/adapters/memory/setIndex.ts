/** A secondary index in memory: key → the ids of the items that have it. */
export class SetIndex {
  private readonly sets = new Map<string, Set<string>>();

  add(key: string, id: string): void {
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Set()));
    set.add(id);
  }

  remove(key: string, id: string): void {
    const set = this.sets.get(key);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.sets.delete(key);
  }

  get(key: string): string[] {
    return [...(this.sets.get(key) ?? [])];
  }
}
