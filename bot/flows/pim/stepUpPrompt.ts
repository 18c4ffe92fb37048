import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { renderNoticeCard } from '../../../cards/notice';
import type { ActivationStatusView } from '../../../services/pim/activationStatus';
import type { StepUpSignIn } from '../../sso/stepUpSignIn';

/** Asks for the MFA sign-in a held activation waits for (or says where to go when chat cannot). */
export class StepUpPrompt {
  constructor(private readonly signIn: StepUpSignIn | undefined) {}

  /** Sends the sign-in card for the second OAuth connection, with Graph's claims challenge on its link. */
  async offer(context: TurnContext, view: ActivationStatusView): Promise<void> {
    if (!this.signIn || !view.stepUpClaims) {
      const text =
        'This role needs a sign-in with multi-factor authentication, which this deployment cannot ask for in chat. Activate it in the Microsoft Entra admin center (My roles).';
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(renderNoticeCard({ title: view.roleName, text }))),
      );
      return;
    }
    const text = `Sign in with multi-factor authentication to activate ${view.roleName}. I keep your request until you do.`;
    await context.sendActivity({ attachments: [await this.signIn.card(context, view.stepUpClaims, text)] });
  }
}
