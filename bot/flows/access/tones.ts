/**
 * What a state means, as an Adaptive Card container style. Cards show good and bad news with the
 * host's container styles and default text rather than coloured text: Teams' light theme draws "Good"
 * text #92c353 on white (2.2:1) and "Warning" text #f8d22a (1.5:1), far below WCAG's 4.5:1, while its
 * styled containers keep default text readable in light, dark and high contrast
 * (test/unit/cards/contrast.test.ts checks every card against both host configs).
 */
export type Tone = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
