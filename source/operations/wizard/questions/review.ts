/**
 * 10. The review: for each environment, the task definition and the service exactly as they will be sent, every
 * issue with its path, and a live diff against AWS (its view: ui/wizard/views/review.tsx).
 */
import type {Question} from '../question.js';

export const review: Question = {
  id: 'review',
  section: 9,
  label: 'Review',
  summary: () => 'done',
  help: [
    "The task definition and the service as they will be sent to AWS for the chosen environment, every validation issue with its JSON path, and a live diff against what exists in AWS (nothing yet, the family's latest revision, or the running service).",
    'Go back (esc) or press c to change an answer: the review is computed again.',
  ],
};
