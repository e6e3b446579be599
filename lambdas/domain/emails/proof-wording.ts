/** How one flow's two proof emails differ from another's, in the login guide's style. */
export interface ProofWording {
  /** The page the completion URL opens. */
  completionPage: string;
  subject: string;
  /** The sentence of the URL mail that says what was received. */
  urlLead: string;
  /** The same in the passcode mail. */
  passcodeLead: string;
}
