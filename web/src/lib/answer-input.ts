// Which on-screen keyboard suits an exercise. The contract does not say what form an answer takes,
// so this reads the prompt: a plain number pad lacks "-", "/" and sometimes ".", which negatives,
// fractions and decimals need.

export type AnswerInputMode = 'numeric' | 'decimal' | 'text';

export function answerInputMode(prompt: string): AnswerInputMode {
  if (/[/÷−–-]|\bnegative\b|\bfraction\b|[a-z]\s*=|=\s*[a-z]\b|\b[xyn]\b/i.test(prompt)) return 'text';
  if (/\d[.,]\d|\bdecimal\b/i.test(prompt)) return 'decimal';
  return 'numeric';
}

/** What we send: the learner's answer without stray spaces around it. Checking is the server's job. */
export function normaliseAnswer(answer: string): string {
  return answer.trim();
}
