import type { WorkflowItem } from '../ports/workflowStore';
import type { ReviewAssignmentData } from './model';

/** One review on a list card: what it reviews, its end, how many people. */
export interface ReviewListEntry {
  definitionId: string;
  instanceId: string;
  name: string;
  scope: string;
  endDateTime?: string;
  total: number;
  open?: number;
  status?: string;
  /** Owners' list: the button opens the owner's view. */
  manage?: boolean;
}

/** A reviewer's entry, from their assignment item. */
export function listEntryOf(item: WorkflowItem<ReviewAssignmentData>): ReviewListEntry {
  const { facts, total, open } = item.data;
  return {
    definitionId: facts.definitionId,
    instanceId: facts.instanceId,
    name: facts.name,
    scope: facts.scope,
    endDateTime: facts.endDateTime,
    total,
    open,
  };
}
