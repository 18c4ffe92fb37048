import type { JobHandler } from '../workflow/scheduler';
import type { ApprovalTimers } from './approvalTimers';
import { ApprovalJob } from './keys';

/** Scheduler handlers for the approval timers; each checks the stage is still open before acting. */
export function approvalJobHandlers(timers: ApprovalTimers): Record<string, JobHandler> {
  const args = (p: Record<string, unknown>) => [String(p.itemId), Number(p.stage)] as const;
  return {
    [ApprovalJob.remind]: (job) => timers.remind(...args(job.payload)),
    [ApprovalJob.escalate]: (job) => timers.escalate(...args(job.payload)),
    [ApprovalJob.expire]: (job) => timers.expire(...args(job.payload)),
  };
}
