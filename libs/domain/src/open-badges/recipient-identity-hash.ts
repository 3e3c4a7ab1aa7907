/**
 * The salted recipient hash of Open Badges 2.0 (IdentityObject, `hashed: true`):
 *   identity = 'sha256$' + hex(SHA-256(plaintextIdentity + salt))
 * A displayer who knows the earner's address re-hashes it with the published salt and compares. A fresh
 * random salt per assertion keeps one learner's assertions unlinkable to each other and stops a dictionary
 * of hashed e-mail addresses from matching them.
 * Source: Open Badges v2.0, IMS Final Release (2018), IdentityObject / IdentityHash.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256$';

/** `'sha256$' + hex(sha256(identity + salt))`, the identity and salt concatenated as UTF-8 with nothing between. */
export function hashRecipientIdentity(identity: string, salt: string): string {
  return (
    PREFIX +
    createHash('sha256')
      .update(identity + salt, 'utf8')
      .digest('hex')
  );
}

/**
 * Whether `plaintextIdentity` is the recipient of an IdentityObject: hashed ones are re-hashed with their
 * salt (constant-time compare); unhashed ones are compared as they are.
 */
export function recipientIdentityMatches(
  plaintextIdentity: string,
  recipient: { hashed: boolean; identity: string; salt?: string },
): boolean {
  if (!recipient.hashed) return recipient.identity === plaintextIdentity;
  const expected = Buffer.from(hashRecipientIdentity(plaintextIdentity, recipient.salt ?? ''), 'utf8');
  const actual = Buffer.from(recipient.identity.toLowerCase(), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
