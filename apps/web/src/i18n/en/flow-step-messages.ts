/**
 * The flow editor's words for its steps: what each kind does (with the law it applies), a label and
 * a help text for every field of every kind's schema, the choices of its lists, the few words of a
 * step's card, and the flow's settings. `flow-step-words.spec.ts` fails when a kind or a field has none.
 */
const recoverableHelpEn =
  'Otherwise the step waits in the exceptions inbox, saying what is missing (a supporting document, an open dispute, an amount not fixed…). Code civil 1353: whoever claims payment must prove the obligation; CPCE L111-6: a claim is liquid when valued in money.';
export const flowStepScreensEn = {
  flowSteps: {
    step: 'Step',
    label: 'Label',
    kinds: {
      start: { about: 'Where every invoice enters the flow.' },
      wait: { about: 'Waits until a date: before or after the due date, the issue date, or the previous step.' },
      email: { about: 'Sends an email from a template to a contact of the customer.' },
      sms: { about: 'Sends a text message from a template to a contact of the customer.' },
      call_task: { about: 'Asks a collector to call the customer; the flow follows the call’s outcome.' },
      letter: { about: 'Posts a letter; with a notice period it is a formal notice (mise en demeure, Code civil 1344).' },
      branch: { about: 'Chooses the next step from the invoice: amount, days late, risk score, segment or last outcome.' },
      set_status: { about: 'Marks the invoice doubtful, irrecoverable, written off or with the agency.' },
      late_fee: { about: 'Adds late interest and the 40 € recovery indemnity (Code de commerce L441-10, D441-5).' },
      escalate: { about: 'Hands the case over to a collection agency.' },
      simplified_procedure: {
        about:
          'Simplified recovery of a small claim (procédure simplifiée de recouvrement des petites créances, CPCE L125-1, R125-1 and following): up to 5,000 EUR, interest and fees included. A commissaire de justice invites the debtor to agree, with no judge; an agreement becomes enforceable. Outcomes: accepted, refused, no answer.',
      },
      payment_order: {
        about:
          'Order for payment (injonction de payer, Code de procédure civile 1405 to 1425): a request to the court with the supporting documents. Once the order is served, the debtor has one month to oppose (art. 1416); without opposition it becomes enforceable. Outcomes: enforceable, opposition, rejected.',
      },
      credit_insurance: {
        about:
          'Credit insurance: declare the threat of loss (menace de sinistre) to the insurer before the deadline your policy sets after the due date — a late declaration can lose the cover (Code des assurances L113-2) — or file the claim with its dossier. A customer without cover skips the step.',
      },
      end: { about: 'The flow ends here for this invoice.' },
    },
    fields: {
      start: {},
      end: {},
      wait: {
        anchor: { label: 'Date counted from', help: 'The date the wait counts from: the due date, the issue date or the previous step.' },
        offsetDays: { label: 'Number of days', help: 'How many days before or after that date; typing -5 means 5 days before.' },
        dayType: { label: 'Count in', help: 'Calendar days, or business days (weekends and public holidays skipped).' },
        at: { label: 'Time of day', help: 'When the step runs that day, in the customer’s time zone. Empty: at the start of the sending window.' },
      },
      email: {
        template: { label: 'Template', help: 'The email’s template, in the customer’s language.' },
        recipient: { label: 'To', help: 'Which contact of the customer receives it.' },
        attachInvoice: { label: 'Attach the invoice', help: 'Adds the invoice as a PDF.' },
      },
      sms: {
        template: { label: 'Template', help: 'The text message’s template, in the customer’s language.' },
        recipient: { label: 'To', help: 'Which contact of the customer receives it.' },
        maxSegments: { label: 'At most (SMS)', help: 'The longest message allowed, in SMS segments (160 characters each, fewer with accents).' },
      },
      call_task: {
        slaHours: { label: 'Call deadline', help: 'After this, the outcome is “not called in time” and the flow goes on.' },
        script: { label: 'Call script', help: 'What the collector says on the phone.' },
        priority: { label: 'Priority', help: 'High-priority calls come first in the queue.' },
      },
      letter: {
        template: { label: 'Template', help: 'The letter’s template, in the customer’s language.' },
        registered: { label: 'Registered, with acknowledgement of receipt', help: 'Lettre recommandée avec accusé de réception: proves when a formal notice was received.' },
        noticePeriodDays: {
          label: 'Notice period (days)',
          help: 'A formal notice (mise en demeure, Code civil 1344) gives the debtor this many days, written in the letter; an escalation waits for them. Empty: not a formal notice.',
        },
        requireRecoverable: { label: 'Only if the claim is certain, liquid and due', help: recoverableHelpEn },
      },
      branch: { cases: { label: 'Conditions', help: 'Each case names an outcome and its condition; the first that holds is taken, “otherwise” when none does.' } },
      set_status: { status: { label: 'Status', help: 'The status the invoice takes.' } },
      late_fee: {
        indemnity: { label: 'Recovery indemnity (40 €)', help: 'The fixed indemnity per late invoice between professionals (Code de commerce L441-10 II, D441-5).' },
        annualInterestRatePercent: { label: 'Annual interest rate (%)', help: 'Empty: the legal rate, the ECB rate plus 10 points (Code de commerce L441-10 II).' },
      },
      escalate: {
        agencyId: { label: 'Agency', help: 'Empty: the default agency chosen in the Settings.' },
        requireRecoverable: { label: 'Only if the claim is certain, liquid and due', help: recoverableHelpEn },
      },
      simplified_procedure: {
        answerDays: {
          label: 'Days to answer',
          help: 'The debtor has one month from the commissaire de justice’s invitation to accept or refuse (CPCE L125-1, R125-1 and following); no answer by then counts as a refusal. Only for claims up to 5,000 EUR.',
        },
      },
      payment_order: {
        court: {
          label: 'Court',
          help: '“By the debtor”: the commercial court (tribunal de commerce) when the debtor is a trader, the judicial court (tribunal judiciaire) otherwise (CPC 1406). The debtor may oppose within one month of service (CPC 1416).',
        },
      },
      credit_insurance: {
        action: {
          label: 'Action',
          help: 'Declare the threat of loss before the deadline of your policy (counted from the due date), or file the claim with its dossier once the policy allows it.',
        },
      },
    },
    options: {
      anchor: { due_date: 'Due date', issue_date: 'Issue date', previous_step: 'Previous step' },
      dayType: { calendar: 'Calendar days', business: 'Business days' },
      recipient: { billing: 'Billing contact', accounting: 'Accounting', management: 'Management', other: 'Other contact', all: 'All contacts' },
      priority: { normal: 'Normal', high: 'High' },
      court: { auto: 'By the debtor (automatic)', tribunal_de_commerce: 'Commercial court', tribunal_judiciaire: 'Judicial court' },
      action: { declare_threat: 'Declare the threat of loss', file_claim: 'File the claim' },
    },
    cards: {
      previous: 'prev.',
      businessDays: 'business days',
      registered: 'registered',
      notice: '{{count}} days’ notice',
      ifRecoverable: 'if certain, liquid and due',
      indemnityAndInterest: '40 € + interest',
      interestOnly: 'interest',
      agency: 'agency {{id}}',
      defaultAgency: 'default agency',
      simplifiedProcedure: 'Simplified procedure — {{count}} days to answer',
      paymentOrder: 'Order for payment — {{court}}',
      courts: { auto: 'court by debtor', tribunal_de_commerce: 'commercial court', tribunal_judiciaire: 'judicial court' },
      insurance: { declare_threat: 'Declare threat of loss', file_claim: 'File the insurance claim' },
    },
    settings: {
      tab: 'Settings',
      title: 'Flow settings',
      sendingWindow: {
        title: 'When messages may go out',
        closesBeforeOpening: 'The window must close after it opens: nothing could ever be sent.',
        start: { label: 'From', help: 'The earliest time a message goes out, in the customer’s time zone.' },
        end: { label: 'Until', help: 'The latest time a message goes out; later ones wait for the next allowed day.' },
        weekdays: { label: 'On these days', help: 'Messages due on another day wait for the next one ticked.' },
        skipHolidays: { label: 'Not on public holidays', help: 'Messages due on a public holiday of the customer’s country wait for the next working day.' },
      },
      catchUp: {
        title: 'Invoices that arrive late in the flow',
        policy: {
          label: 'Steps already past',
          help: 'An invoice imported overdue, or resumed after a long dispute, finds steps whose time has passed. A message written for before the due date never goes to an overdue invoice.',
          options: { latest_due: 'Only the latest one due (skip the ones it replaces)', replay: 'Every one in turn' },
        },
        minGapHours: { label: 'Hours between two messages', help: 'The least time between two messages to one invoice on one channel.' },
      },
      batch: 'One message per customer',
      batchHelp: 'When several invoices of a customer reach a send step in the same window, they go out together in one message.',
      reroute: 'Follow the solvency score',
      rerouteHelp:
        'Move running invoices to the flow their new solvency band picks, at the next step (never during a send, a call or a court case). The assignment rules choose the flow by risk score.',
    },
  },
};
