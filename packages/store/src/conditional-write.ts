/** A conditional write whose condition did not hold (DynamoDB's error code, as both clients name it). */
const isConditionFailure = (err: unknown): boolean => err instanceof Error && err.name === 'ConditionalCheckFailedException';

/**
 * Whether a conditional write landed: false when its condition did not hold (an expected outcome
 * of every idempotent write here), the error itself for any other failure.
 */
export const conditionHeld = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
};
