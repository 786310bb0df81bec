/**
 * The stopped tasks a watch has already reported (or set aside), by ARN, so that each is reported once.
 *
 * ECS lists a stopped task for about an hour after it stopped, then never again; a watch of a crash loop that runs for
 * hours would otherwise remember every task it ever saw. A task is forgotten once two listings in a row have not
 * named it (one listing is not enough: a list answered while ECS was still settling could miss a task that it names
 * again later, and that task would be reported twice).
 */
export class SeenTasks {
  readonly #seen = new Set<string>();
  #previousListing = new Set<string>();

  /**
   * Takes one listing of stopped tasks (every page): forgets what neither this listing nor the one before named, and
   * returns the listed tasks not seen yet.
   */
  listed(arns: readonly string[]): string[] {
    const listing = new Set(arns);
    for (const arn of this.#seen) if (!listing.has(arn) && !this.#previousListing.has(arn)) this.#seen.delete(arn);
    this.#previousListing = listing;
    return arns.filter((arn) => !this.#seen.has(arn));
  }

  has(arn: string): boolean {
    return this.#seen.has(arn);
  }

  add(arn: string): void {
    this.#seen.add(arn);
  }

  /** How many tasks it remembers. */
  get size(): number {
    return this.#seen.size;
  }
}
