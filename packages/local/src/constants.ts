/** Where the local runtime listens, and the AWS identity it plays. */
export const DEFAULT_PORTS = { api: 3000, events: 4010, store: 4567 } as const;
export const LOCAL_HOST = '127.0.0.1';
export const LOCAL_REGION = 'eu-central-1';
export const LOCAL_ACCOUNT = '123456789012';
