import type { ModuleContext } from '../../../../emulator/graph/routing';
import type { NewRequest } from '../../../../emulator/graph/modules/entitlement/requests';
import { idOf } from './support';

/** Ids from the demo tenant used across the entitlement tests. */
export const EM = {
  covid: '46cc8ae5-eb71-5420-a089-2738882cfd8a',
  covidInternal: 'bb97f5f8-5e44-596d-827c-d7df625608d7',
  covidFabrikam: '6b73be63-d3b0-5509-aa35-e91da0a690a3',
  sales: 'd43818e7-814d-5823-b9d0-8c579b9fc04e',
  salesPolicy: '21cd7868-13f8-520e-adae-d028aca71397',
  falcon: 'f643b9af-c285-51d7-bb12-b8ea780faf9f',
  falconPolicy: '633d8c65-ba29-5dd7-bec9-7b2ed85c5d4d',
  workstream: 'bcb40b33-25b6-5ca8-890c-3654c6726269',
  finance: 'fefc276f-871e-5734-8cb5-f5bbb22ec42f',
  financePolicy: '4566a0e6-5c76-5eac-a3e0-00874b064578',
  salesGroup: 'c12f873c-8197-5655-863a-8bf48a82975f',
  falconGroup: '136acc79-4f2d-53ca-9efa-5ad600f15081',
  covidGroup: '3f5b3553-e91b-5d97-8289-94ee01172e82',
};

/** A userAdd body for `alias`, with overrides. */
export function userAdd(
  ctx: ModuleContext,
  alias: string,
  pkg: string,
  policy: string,
  extra: Partial<NewRequest> = {},
): NewRequest {
  return {
    requestType: 'userAdd',
    assignment: { targetId: idOf(ctx, alias), accessPackageId: pkg, assignmentPolicyId: policy },
    justification: 'Needed for my work',
    answers: [],
    ...extra,
  };
}

/** An answer to the Project Falcon workstream question. */
export function workstream(value: string) {
  return {
    '@odata.type': '#microsoft.graph.accessPackageAnswerString',
    value,
    displayValue: value,
    answeredQuestion: { id: EM.workstream },
  };
}
