/** One delivered message: an EventBridge event, as an SQS message body. */
export interface InboundMessage {
  /** The message id the queue retries by (SQS `messageId`). */
  readonly id: string;
  readonly body: string;
  /**
   * When the queue received it (SQS `SentTimestamp`, about when the bus accepted the event): the
   * audit records it as the report's `acceptedAt`; it stands in for the event time of an unreadable body.
   */
  readonly sentAt?: string;
}

/** Anything that takes a batch of messages and names the ones that failed. */
export interface BatchProcessor<Outcome extends BatchFailures = BatchFailures> {
  processMessages(messages: readonly InboundMessage[]): Promise<Outcome>;
}

/** The least a batch's outcome says: which messages must be delivered again. */
export interface BatchFailures {
  readonly failed: readonly string[];
}
