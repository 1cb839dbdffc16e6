import type { DocumentOperations, Documents } from './documents';

/** Every item a query matches, page after page (a page ends at 1 MB). */
export const queryAll = async (client: Documents, input: DocumentOperations['Query']['input']): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.call('Query', { ...input, ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}) });
    // Stryker disable next-line ArrayDeclaration: DynamoDB answers every query page with its Items, an empty list if none
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return items;
};
