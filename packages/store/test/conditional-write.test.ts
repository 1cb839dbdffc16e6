import { ConditionalCheckFailedException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { conditionHeld } from '../src/conditional-write';

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: { httpStatusCode: 400 } });

describe('whether a conditional write landed', () => {
  it('is true when the write succeeded', async () => {
    await expect(conditionHeld(Promise.resolve({}))).resolves.toBe(true);
  });

  it('is false when its condition did not hold', async () => {
    await expect(conditionHeld(Promise.reject(conditionFailed()))).resolves.toBe(false);
  });

  it('is false for the same failure from another copy of the SDK (another class, the same name)', async () => {
    const fromAnotherCopy = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    await expect(conditionHeld(Promise.reject(fromAnotherCopy))).resolves.toBe(false);
  });

  it('is the error itself for any other failure', async () => {
    const missingTable = new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: { httpStatusCode: 400 } });
    await expect(conditionHeld(Promise.reject(missingTable))).rejects.toBe(missingTable);
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:4567');
    await expect(conditionHeld(Promise.reject(refused))).rejects.toBe(refused);
    const notAnError = { name: 'ConditionalCheckFailedException' };
    await expect(conditionHeld(Promise.reject(notAnError))).rejects.toBe(notAnError);
  });
});
