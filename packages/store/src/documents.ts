import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';

/** An answer as DynamoDB sends it, without what the AWS SDK adds about the HTTP exchange. */
type Answer<T> = Omit<T, '$metadata'>;

/**
 * The DynamoDB operations the stores call, with items as plain values (as the AWS SDK's document
 * client takes and gives them; its types are the contract).
 */
export interface DocumentOperations {
  GetItem: { input: GetCommandInput; output: Answer<GetCommandOutput> };
  PutItem: { input: PutCommandInput; output: Answer<PutCommandOutput> };
  DeleteItem: { input: DeleteCommandInput; output: Answer<DeleteCommandOutput> };
  Query: { input: QueryCommandInput; output: Answer<QueryCommandOutput> };
  BatchGetItem: { input: BatchGetCommandInput; output: Answer<BatchGetCommandOutput> };
  BatchWriteItem: { input: BatchWriteCommandInput; output: Answer<BatchWriteCommandOutput> };
}

export type DocumentOperation = keyof DocumentOperations;

/** The stores' port to DynamoDB: one call of one operation. */
export interface Documents {
  call<Op extends DocumentOperation>(operation: Op, input: DocumentOperations[Op]['input']): Promise<DocumentOperations[Op]['output']>;
}
