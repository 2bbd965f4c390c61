// A found password is never shown in full: every stage that names one shows this form.

/** Shows the shape of a secret, never the secret: "12345" → "1•••5", short ones fully masked. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '(empty)';
  if (secret.length <= 4) return '•'.repeat(secret.length);
  return `${secret[0]}${'•'.repeat(Math.min(secret.length - 2, 8))}${secret[secret.length - 1]}`;
}
