import type { CreditorProfile, OutgoingMessage } from './ports';

/** The sender a message carries when the admin set the creditor's identity (else each channel's configured one). */
export function senderOf(creditor: CreditorProfile): Pick<OutgoingMessage, 'sender'> {
  if (creditor.source !== 'settings') return {};
  return { sender: { name: creditor.senderName || creditor.name, email: creditor.email, smsSender: creditor.smsSender } };
}
