/** The weekly audit digest's data: findings by section, and what a run's card shows. */

/** The digest's sections, in card order. */
export const SECTIONS = ['score', 'forwarding', 'smtp', 'delegates', 'auditing', 'governance'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Section titles and what an admin should do about the items, shown on the card. */
export const SECTION_TEXT: Record<SectionId, { title: string; todo: string }> = {
  score: {
    title: 'Open Secure Score controls',
    todo: 'Work through the open controls with the most points first; each links to its remediation.',
  },
  forwarding: {
    title: 'Inbox rules sending mail outside',
    todo: 'Ask the owner why; remove rules nobody can explain (a forward to a personal address is a classic sign of a compromised mailbox).',
  },
  smtp: {
    title: 'SMTP forwarding outside',
    todo: 'Clear ForwardingSmtpAddress unless there is a documented reason, and block automatic external forwarding in the outbound spam policy.',
  },
  delegates: {
    title: 'Mailbox delegates',
    todo: 'Confirm each grant with the mailbox owner; remove FullAccess, SendAs and SendOnBehalf nobody needs.',
  },
  auditing: {
    title: 'Mailboxes without auditing',
    todo: 'Turn auditing on: without it, nobody can tell who read or sent mail from these mailboxes.',
  },
  governance: {
    title: 'Governance',
    todo: 'Check that each activation had a reason and a ticket; chase overdue approvals and reviews; extend or let expire what ends soon.',
  },
};

/** One thing the digest reports; `key` is stable from week to week, so runs can be compared. */
export interface DigestFinding {
  key: string;
  section: SectionId;
  /** Groups items within a section, e.g. 'forward', 'redirect', 'FullAccess', 'activation'. */
  category: string;
  /** False for what is listed but not counted as a problem (a disabled rule). */
  flagged: boolean;
  /** Who or what it is about (a mailbox, a person), plain text. */
  subject: string;
  /** What was found, plain text. */
  detail: string;
  /** Order within its section where it matters (Secure Score: most points to gain first). */
  rank?: number;
  /** Something that happened this week (an activation, a decision): never "fixed", only reported. */
  event?: boolean;
  /** The mailbox an action works on (Enable auditing). */
  target?: string;
  /** The CSV row: column → value. */
  fields: Record<string, string>;
}

/** Movement of a section since the previous weekly run. */
export interface SectionChange {
  id: SectionId;
  /** Flagged findings now. */
  count: number;
  /** Flagged findings last week; undefined when there is no last week. */
  previousCount?: number;
  newCount: number;
  fixedCount: number;
  openCount: number;
  /** A few of the fixed ones, for the card. */
  fixed: { subject: string; detail: string }[];
}

/** Secure Score as the card shows it. */
export interface ScoreSummary {
  current: number;
  max: number;
  /** Oldest first, up to 8 weekly points. */
  trend: { date: string; score: number }[];
  topControls: { id: string; title: string; gap: number; remediation: string; url?: string }[];
}

/** What a complete run knows besides its findings. */
export interface DigestSummary {
  generatedAt: string;
  mailboxCount: number;
  score?: ScoreSummary;
  sections: SectionChange[];
}
