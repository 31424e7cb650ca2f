export * from './message-channel';
export * from './outbox/outbox.channel';
export * from './email/postmark/postmark-email.channel';
