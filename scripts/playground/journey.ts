/**
 * The access journey a newcomer clicks through in the Playground, one person at a time (the
 * Playground chats as one user per start). Each step names its screenshot under docs/playground/.
 */
import type { PlaygroundPage } from './driver';

/** One thing a person does and what they must then see. */
export interface Step {
  name: string;
  shot: string;
  run(page: PlaygroundPage): Promise<void>;
}

/** A card sent while its reader had not opened the Playground is retried: wait for it. */
const PROACTIVE_MS = 180_000;
const FALCON = 'Adele Vance asks for Project Falcon';
const COVID = 'Adele Vance asks for COVID-19 Response Team';

const adeleRequests: Step[] = [
  {
    name: 'welcome card',
    shot: '01-adele-welcome',
    run: (p) => p.waitForCard('Welcome to Gatekeeper').then(),
  },
  {
    name: 'Request access: the catalog',
    shot: '02-adele-catalog',
    run: async (p) => {
      await p.click('Request access', { card: 'Welcome to Gatekeeper' });
      await p.waitForCard('Access packages you can request');
    },
  },
  {
    name: "Project Falcon: the policy's questions and a justification",
    shot: '03-adele-form',
    run: async (p) => {
      await p.click('Request', { after: 'Project Falcon' });
      await p.waitForCard('Which workstream will you join?');
      await p.choose('Which workstream will you join?', 'Engineering');
      await p.fill('Who asked you to join?', 'Lee Gu');
      await p.fill('Why do you need this access?', 'I join the Falcon engineering workstream in December.');
    },
  },
  {
    name: 'submit: waiting for Megan (stage 1 of 2)',
    shot: '04-adele-submitted',
    run: async (p) => {
      await p.click('Submit request');
      await p.waitForCard(['Project Falcon', 'Waiting for approval', 'Megan Bowen decides (stage 1 of 2)']);
    },
  },
  {
    name: 'COVID-19 Response Team, from the list again',
    shot: '05-adele-second-request',
    run: async (p) => {
      await p.say('request access');
      await p.waitForCard('Access packages you can request');
      await p.click('Request', { after: 'COVID-19 Response Team' });
      await p.fill('Why do you need this access?', 'Covering the vaccine logistics rota for two weeks.');
      await p.click('Submit request');
      await p.waitForCard(['COVID-19 Response Team', 'Waiting for approval']);
    },
  },
];

const meganDecides: Step[] = [
  {
    name: 'approval card for Project Falcon',
    shot: '06-megan-card',
    run: (p) => p.waitForCard(FALCON, PROACTIVE_MS).then(),
  },
  {
    name: 'approve with a reason',
    shot: '07-megan-approved',
    run: async (p) => {
      await p.fill('Reason', 'Manager: yes, Falcon needs Adele.', FALCON);
      await p.click('Approve', { card: FALCON });
      await p.waitForCard([FALCON, 'Approved by you']);
    },
  },
  {
    name: 'deny COVID-19 Response Team with a reason',
    shot: '08-megan-denied',
    run: async (p) => {
      await p.waitForCard(COVID, PROACTIVE_MS);
      await p.fill('Reason', 'The rota is full this month.', COVID);
      await p.click('Deny', { card: COVID });
      await p.waitForCard([COVID, 'Denied by you']);
    },
  },
];

const leeDecides: Step[] = [
  {
    name: "stage 2 card, with Megan's decision",
    shot: '09-lee-stage2',
    run: (p) => p.waitForCard([FALCON, 'Stage: 2 of 2', 'Approved by Megan Bowen'], PROACTIVE_MS).then(),
  },
  {
    name: 'approve stage 2',
    shot: '10-lee-approved',
    run: async (p) => {
      await p.click('Approve', { card: FALCON });
      await p.waitForCard([FALCON, 'Approved by you']);
    },
  },
  {
    name: 'the COVID-19 card Lee also got says Megan denied it, and why',
    shot: '11-lee-sees-denial',
    run: (p) =>
      p.waitForCard([COVID, 'Denied by Megan Bowen', 'The rota is full this month.'], PROACTIVE_MS).then(),
  },
  {
    name: 'approvals: what still waits for Lee',
    shot: '12-lee-approvals',
    run: async (p) => {
      await p.say('approvals');
      await p.waitForCard('Johanna');
    },
  },
];

// The outcome notices reach Adele when she opens the Playground again, but the Playground can drop
// messages posted while its page is still connecting (see README): "my requests" is the sure way.
const adeleFollowsUp: Step[] = [
  {
    name: 'my requests: one approved, one denied with the reason',
    shot: '13-adele-my-requests',
    run: async (p) => {
      await p.say('my requests');
      await p.waitForCard(['Your requests', 'Project Falcon', 'COVID-19 Response Team']);
    },
  },
  {
    name: 'my access: Project Falcon',
    shot: '14-adele-my-access',
    run: async (p) => {
      await p.say('my access');
      await p.waitForCard(['Your access', 'Project Falcon']);
    },
  },
];

/** Who clicks, in order, and what. */
export const JOURNEY: { alias: string; steps: Step[] }[] = [
  { alias: 'AdeleV', steps: adeleRequests },
  { alias: 'MeganB', steps: meganDecides },
  { alias: 'LeeG', steps: leeDecides },
  { alias: 'AdeleV', steps: adeleFollowsUp },
];
