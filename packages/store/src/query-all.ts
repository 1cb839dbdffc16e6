import { type DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Every item a query matches, page after page (a page ends at 1 MB). */
export const queryAll = async (client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  // The paginator writes each page's start key into the input it is given: give it a copy.
  // Stryker disable next-line ArrayDeclaration: DynamoDB answers every query page with its Items, an empty list if none
  for await (const page of paginateQuery({ client }, { ...input })) items.push(...(page.Items ?? []));
  return items;
};
