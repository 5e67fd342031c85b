/**
 * Every item of a paginated list, read with the SDK's own paginator (`paginateListAliases`,
 * `paginateDescribeSnapshots`, …). The paginator calls `client.send`, so each page goes through
 * the request scheduler and the call log; pass the operation's signal as the paginator's third
 * argument (`{ abortSignal }`) and a cancelled operation stops between pages.
 */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...(itemsOf(page) ?? []));
  return items;
}
