/** Labels as `key -> value`. */
export type Labels = { readonly [key: string]: string };

/** True when every selector label is on `labels` with the same value (empty selectors match all). */
export function selectorMatches(selector: Labels, labels: Labels): boolean {
  for (const key of Object.keys(selector)) {
    if (labels[key] !== selector[key]) return false;
  }
  return true;
}

/**
 * Items indexed by each `key=value` label they carry, so a selector is matched against the
 * shortest posting list of its labels instead of every item: selector rules stay linear.
 */
export class LabelIndex<T> {
  private readonly all: Array<{ item: T; labels: Labels }> = [];
  private readonly postings = new Map<string, Array<{ item: T; labels: Labels }>>();

  public add(item: T, labels: Labels): void {
    const entry = { item, labels };
    this.all.push(entry);
    for (const key of Object.keys(labels)) {
      const posting = postingKey(key, labels[key]);
      const list = this.postings.get(posting);
      if (list) list.push(entry);
      else this.postings.set(posting, [entry]);
    }
  }

  /** The items whose labels the selector matches, in insertion order. */
  public match(selector: Labels): T[] {
    let shortest = this.all;
    for (const key of Object.keys(selector)) {
      const list = this.postings.get(postingKey(key, selector[key]));
      if (!list) return [];
      if (list.length < shortest.length) shortest = list;
    }
    return shortest.filter((e) => selectorMatches(selector, e.labels)).map((e) => e.item);
  }

  public get size(): number {
    return this.all.length;
  }
}

function postingKey(key: string, value: string): string {
  // NUL cannot occur in a label key, so the pair is unambiguous.
  return `${key}\u0000${value}`;
}
