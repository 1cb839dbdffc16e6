import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '@modellregionen/store';

interface ReportTableProps {
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The one table of the backend (docs/data-model.md): on demand, recoverable, encrypted, kept. */
export class ReportTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ReportTableProps = {}) {
    super(scope, id);
    // 'Default' is left out of logical ids, so the table keeps the logical id it had before this
    // construct existed. Under a new logical id CloudFormation would create a second, empty table
    // and leave this one, retained and deletion-protected, outside the stack with every review and
    // subscription in it. infra/test/stack.test.ts pins the id.
    this.table = new dynamodb.Table(this, 'Default', {
      // No physical name: CloudFormation names the table, the functions get the name by
      // environment (TABLE_NAME), and two stacks in one account and region do not collide.
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
