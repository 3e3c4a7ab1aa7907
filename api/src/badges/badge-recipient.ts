/**
 * Who an assertion is issued to. Peerlift collects no e-mail addresses (children use it), so the recipient
 * is a stable URL naming the learner, type `url`; it is published only salted and hashed, with a fresh salt
 * per assertion so one learner's badges cannot be linked to each other. The learner sees the plain URL in
 * `myBadges.recipientIdentity` and can prove an assertion is theirs by re-hashing it with the salt.
 */
export const RECIPIENT_TYPE = 'url' as const;

export function recipientIdentity(publicUrl: string, userId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/badges/recipients/${userId}`;
}
