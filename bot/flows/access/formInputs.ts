import { z } from 'zod';
import { ANSWER_PREFIX } from './requestFormCard';

/** The inputs every request form sends (its questions arrive as answer_<questionId>). */
export const FormInputs = z
  .object({
    idempotencyKey: z.string().min(1).max(200),
    // Wider than the card's limit: validateSubmission refuses a longer text with a clear message.
    justification: z.string().max(4000).optional(),
    startDate: z.string().max(10).optional(),
    endDate: z.string().max(10).optional(),
  })
  .catchall(z.unknown());

/** Question id → answer, from the form's answer_<questionId> inputs. */
export function answersOf(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).flatMap(([k, v]) =>
      k.startsWith(ANSWER_PREFIX) && typeof v === 'string' ? [[k.slice(ANSWER_PREFIX.length), v]] : [],
    ),
  );
}
