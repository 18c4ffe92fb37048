import { GraphHttpError } from '../../routing';

/**
 * Refusals of assignment requests. Graph documents none of these codes: each is a plausible Graph-style
 * code (u) with a message close to what My Access shows, so callers can map them to a card.
 */
export const requestErrors = {
  notAllowed: () =>
    new GraphHttpError(
      403,
      'RequestorNotAllowedByPolicy',
      "You don't meet policy requirements to request this entitlement.",
    ), // (u)
  targetNotCaller: () =>
    new GraphHttpError(
      403,
      'Forbidden',
      'A user may only create requests whose target is the signed-in user.',
    ), // (u)
  policyNotOfPackage: (policyId: string, packageId: string) =>
    new GraphHttpError(
      400,
      'InvalidAssignmentPolicy',
      `Policy '${policyId}' is not a policy of access package '${packageId}'.`,
    ), // (u)
  justificationRequired: () =>
    new GraphHttpError(
      400,
      'RequestorJustificationRequired',
      'The policy requires a justification for this request.',
    ), // (u)
  questionUnanswered: (text: string) =>
    new GraphHttpError(
      400,
      'RequiredQuestionNotAnswered',
      `The required question '${text}' was not answered.`,
    ), // (u)
  invalidAnswer: (text: string) =>
    new GraphHttpError(400, 'InvalidAnswer', `The answer to '${text}' is not one of the allowed choices.`), // (u)
  customScheduleNotAllowed: () =>
    new GraphHttpError(
      400,
      'CustomAssignmentScheduleNotAllowed',
      'The policy does not allow a custom assignment schedule.',
    ), // (u)
  scheduleTooLong: (max: string) =>
    new GraphHttpError(
      400,
      'ScheduleExceedsPolicyExpiration',
      `The requested schedule is longer than the policy allows (${max}).`,
    ), // (u)
  openRequestExists: () =>
    new GraphHttpError(
      400,
      'ExistingOpenRequest',
      'There is already an open request for this access package and target.',
    ), // (u)
  activeAssignmentExists: () =>
    new GraphHttpError(
      400,
      'ActiveAssignmentExists',
      'The target already has an active assignment to this access package.',
    ), // (u)
  noAssignment: () =>
    new GraphHttpError(
      400,
      'AssignmentNotFound',
      'The target has no active assignment to this access package.',
    ), // (u)
  extensionNotAllowed: () =>
    new GraphHttpError(
      400,
      'ExtensionNotAllowed',
      'The policy does not allow users to extend their assignment.',
    ), // (u)
  badRequestType: (type: string) =>
    new GraphHttpError(400, 'BadRequest', `Request type '${type}' is not supported for this caller.`), // (u)
  notCancelable: (state: string) =>
    new GraphHttpError(400, 'RequestNotCancelable', `A request in state '${state}' cannot be canceled.`), // (u)
};
