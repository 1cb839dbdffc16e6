export { createWebhookDispatcher } from './dispatcher';
export { DELIVERY_HEADER, newSecret, sign, SIGNATURE_HEADER, verifySignature } from './signature';
