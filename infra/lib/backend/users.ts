import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '@modellregionen/api';

interface UserDirectoryProps {
  /**
   * What happens to the user pool when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The API's users: a Cognito user pool that administrators fill (MFA, no self sign-up), a group per
 * role, and the client the API's tokens are issued to.
 */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);
    // 'Default' is left out of logical ids: the pool and its client keep the logical ids they had
    // before this construct existed. Under a new one CloudFormation would create an empty pool and
    // keep the old one, with every account, outside the stack.
    this.userPool = new cognito.UserPool(this, 'Default', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      customAttributes: {
        region: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        municipality: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 200 }),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    this.client = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      // The custom attributes the API reads are set by administrators only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }
}
