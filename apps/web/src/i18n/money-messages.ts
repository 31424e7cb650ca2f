/** The words of the screens about money and its exceptions: the invoice's books and actions, the exceptions inbox, settings, books. */
export const moneyScreensEn = {
  money: {
    amounts: 'Amounts', principal: 'Invoiced (incl. VAT)', vat: 'of which VAT', fees: 'Fees', indemnity: 'Recovery indemnity (€40)', interest: 'Late interest', paid: 'Paid', credited: 'Credited', balance: 'Still owed', impairment: 'Provision held',
    due: 'Due {{date}}', promisedUntil: 'Promised: kept in “promised” through {{date}}', pausedSince: 'Reminders paused since {{date}}',
    hold: 'The flow waits for a person', holdAt: 'At step “{{step}}” since {{date}}', holdLink: 'Open in the exceptions inbox', liveError: 'The workflow did not answer in time: its live state is not shown. The amounts below are the books’, up to date.', finished: 'The flow is finished.',
    payments: 'Payments', creditNotes: 'Credit notes', receivedAt: 'Received', source: 'Source', sources: { api: 'entered', agency: 'agency', bank: 'bank', customer_credit: 'customer credit' }, allocated: 'Settled', excess: 'To credit', vatPart: 'VAT', noPayment: 'No payment yet.', noCreditNote: 'No credit note.',
    openExceptions: 'Open exceptions on this invoice',
  },
  actions: {
    title: 'Actions', payment: 'Record a payment', creditNote: 'Issue a credit note', cancel: 'Cancel the invoice', writeOff: 'Write off', promise: 'Record a promise', dispute: 'Open a dispute', resolve: 'Resolve the dispute', pause: 'Pause reminders', resume: 'Resume reminders',
    amount: 'Amount', reference: 'Bank reference (optional)', receivedAt: 'Received on (optional)', number: 'Credit note number', reason: 'Reason', reasonOptional: 'Reason (optional)', creditNoteNumber: 'Credit note number (optional)', date: 'Promised date', resolution: 'How it was resolved',
    cancelHelp: 'Cancels what is still owed with a credit note; the invoice stays in the books.', writeOffHelp: 'Books what is left as a loss (654), VAT recovered.',
    paymentDone: 'Payment recorded: {{balance}} still owed.', balanceNow: 'Done: {{balance}} still owed.', toCredit: '{{amount}} was more than was owed: it is now the customer’s credit.', replayed: 'Already recorded with this reference: nothing changed.', done: 'Done.',
    blocked: { cancelled: 'The invoice is cancelled.', writtenOff: 'The invoice was written off.', paid: 'Nothing is owed on this invoice.', withAgency: 'The case is with the collections agency.', disputed: 'A dispute is already open.', notDisputed: 'No dispute is open.', paused: 'Reminders are already paused.', notPaused: 'Reminders are not paused.', fullyCredited: 'The whole invoice is already credited.', noCredit: 'The customer has no credit in this currency.' },
  },
  credit: { title: 'Customer credit', none: 'No credit: nothing received beyond what was owed.', apply: 'Apply to this invoice', reference: 'Reference of the allocation', applied: 'Credit applied: {{balance}} still owed.' },
  exceptions: {
    title: 'Exceptions', intro: 'What needs a person: fix the cause, then retry, skip the step, or mark resolved.', open: 'Open', resolved: 'Resolved', kind: 'Kind', allKinds: 'All kinds', invoice: 'Invoice', message: 'What happened', occurrences: '×{{count}}', lastSeen: 'Last seen',
    retry: 'Retry', skip: 'Skip the step', resolve: 'Mark resolved', skipReason: 'Why is the step skipped?', resolution: 'What was done?', openSettings: 'Open the settings', retried: 'Retried: the flow goes on.', skipped: 'Step skipped.', markedResolved: 'Marked resolved.',
    empty: 'Nothing needs you: no exception here.', ofInvoice: 'Exceptions of one invoice', showAll: 'Show all', resolvedOn: 'Resolved {{date}}: {{resolution}}', step: 'step “{{step}}”',
  },
  settings: {
    title: 'Settings', saved: 'Settings saved.',
    provision: 'Provisions on doubtful receivables', provisionRate: 'Provision rate (%)',
    provisionHelp: 'When a receivable becomes doubtful, this share of what is owed before VAT is provisioned (PCG: 6817 charge against 491 impairment of customer accounts); it is adjusted as payments come in and reversed when the invoice is closed.',
    caps: 'Daily cap of messages per customer', capsHelp: 'At most this many messages of each channel to one customer a day; beyond it the step waits for a person (exceptions inbox).',
    agency: 'Default collections agency', agencyHelp: 'Where an escalation goes when its step names no agency. Without it, such escalations stop in the exceptions inbox.', noAgency: 'None',
    lateRates: 'Legal late-interest rates', lateRatesHelp: 'Late interest = the ECB main refinancing rate + 10 points; the ECB rate in force on 1 January applies to the first half-year, the one in force on 1 July to the second (Code de commerce, art. L441-10 II). Enter each half-year’s rate when the Banque de France publishes it.',
    halfYear: 'Half-year from', ecbRate: 'ECB rate (%)', legalRate: 'Legal rate (%)', today: 'Legal rate today: {{rate}} (ECB rate of {{from}} + 10 points).', missing: 'The ECB rate of the half-year starting {{date}} is not entered: the rate of {{from}} applies meanwhile. Enter it.', noRate: 'No rate entered: late interest cannot be computed.',
    year: 'Year', half: 'Half-year', firstHalf: '1 January (first half-year)', secondHalf: '1 July (second half-year)', addRate: 'Save the rate', rateSaved: 'Rate saved.', rateDeleted: 'Rate deleted.',
  },
  books: {
    title: 'Books', asOf: 'As of', trialBalance: 'Trial balance', account: 'Account', label: 'Label', debit: 'Debit', credit: 'Credit', balance: 'Balance', balanced: 'Balanced', unbalanced: 'Not balanced', noEntry: 'No entry up to this date.',
    agedBalance: 'Aged balance by customer', agedHelp: 'What each customer owes by the books (411 + 416), by how late each invoice is.', exports: 'Exports', period: 'Period', journal: 'Journal (CSV)', fec: 'FEC', fecHelp: 'Fichier des écritures comptables (LPF art. A47 A-1): the entries in euros, as the tax administration and accounting software import them.',
    downloaded: 'Downloaded {{file}}', excluded: 'Left out of the FEC (not in euros): {{currencies}}',
  },
};

export const moneyScreensFr: typeof moneyScreensEn = {
  money: {
    amounts: 'Montants', principal: 'Facturé (TTC)', vat: 'dont TVA', fees: 'Frais', indemnity: 'Indemnité forfaitaire (40 €)', interest: 'Intérêts de retard', paid: 'Payé', credited: 'Avoirs', balance: 'Reste dû', impairment: 'Dépréciation',
    due: 'Échéance le {{date}}', promisedUntil: 'Promesse : « promesse de paiement » jusqu’au {{date}}', pausedSince: 'Relances suspendues depuis le {{date}}',
    hold: 'Le scénario attend une personne', holdAt: 'À l’étape « {{step}} » depuis le {{date}}', holdLink: 'Ouvrir dans les anomalies', liveError: 'Le workflow n’a pas répondu à temps : son état en direct n’est pas affiché. Les montants ci-dessous sont ceux de la comptabilité, à jour.', finished: 'Le scénario est terminé.',
    payments: 'Paiements', creditNotes: 'Avoirs', receivedAt: 'Reçu le', source: 'Origine', sources: { api: 'saisi', agency: 'agence', bank: 'banque', customer_credit: 'avoir client' }, allocated: 'Imputé', excess: 'Au crédit client', vatPart: 'TVA', noPayment: 'Aucun paiement.', noCreditNote: 'Aucun avoir.',
    openExceptions: 'Anomalies ouvertes sur cette facture',
  },
  actions: {
    title: 'Actions', payment: 'Enregistrer un paiement', creditNote: 'Émettre un avoir', cancel: 'Annuler la facture', writeOff: 'Passer en perte', promise: 'Enregistrer une promesse', dispute: 'Ouvrir un litige', resolve: 'Clore le litige', pause: 'Suspendre les relances', resume: 'Reprendre les relances',
    amount: 'Montant', reference: 'Référence bancaire (facultatif)', receivedAt: 'Reçu le (facultatif)', number: 'Numéro de l’avoir', reason: 'Motif', reasonOptional: 'Motif (facultatif)', creditNoteNumber: 'Numéro de l’avoir (facultatif)', date: 'Date promise', resolution: 'Comment il a été résolu',
    cancelHelp: 'Annule le reste dû par un avoir ; la facture reste en comptabilité.', writeOffHelp: 'Passe le reste dû en perte (654), TVA récupérée.',
    paymentDone: 'Paiement enregistré : reste dû {{balance}}.', balanceNow: 'C’est fait : reste dû {{balance}}.', toCredit: '{{amount}} dépassait le reste dû : c’est désormais un crédit du client.', replayed: 'Déjà enregistré avec cette référence : rien n’a changé.', done: 'C’est fait.',
    blocked: { cancelled: 'La facture est annulée.', writtenOff: 'La facture est passée en perte.', paid: 'Plus rien n’est dû sur cette facture.', withAgency: 'Le dossier est chez l’agence de recouvrement.', disputed: 'Un litige est déjà ouvert.', notDisputed: 'Aucun litige n’est ouvert.', paused: 'Les relances sont déjà suspendues.', notPaused: 'Les relances ne sont pas suspendues.', fullyCredited: 'La facture est déjà entièrement créditée.', noCredit: 'Le client n’a pas de crédit dans cette devise.' },
  },
  credit: { title: 'Crédit du client', none: 'Aucun crédit : rien n’a été reçu au-delà du dû.', apply: 'Imputer sur cette facture', reference: 'Référence de l’imputation', applied: 'Crédit imputé : reste dû {{balance}}.' },
  exceptions: {
    title: 'Anomalies', intro: 'Ce qui demande une personne : corrigez la cause, puis relancez, sautez l’étape ou clôturez.', open: 'Ouvertes', resolved: 'Clôturées', kind: 'Type', allKinds: 'Tous les types', invoice: 'Facture', message: 'Ce qui s’est passé', occurrences: '×{{count}}', lastSeen: 'Dernière fois',
    retry: 'Relancer', skip: 'Sauter l’étape', resolve: 'Clôturer', skipReason: 'Pourquoi sauter l’étape ?', resolution: 'Qu’avez-vous fait ?', openSettings: 'Ouvrir les paramètres', retried: 'Relancé : le scénario continue.', skipped: 'Étape sautée.', markedResolved: 'Clôturée.',
    empty: 'Rien ne vous attend : aucune anomalie ici.', ofInvoice: 'Anomalies d’une facture', showAll: 'Tout afficher', resolvedOn: 'Clôturée le {{date}} : {{resolution}}', step: 'étape « {{step}} »',
  },
  settings: {
    title: 'Paramètres', saved: 'Paramètres enregistrés.',
    provision: 'Dépréciation des créances douteuses', provisionRate: 'Taux de dépréciation (%)',
    provisionHelp: 'Quand une créance devient douteuse, cette part du montant dû hors taxes est dépréciée (PCG : dotation 6817 au crédit du 491 dépréciation des comptes clients) ; elle est ajustée au fil des paiements et reprise à la clôture de la facture.',
    caps: 'Plafond journalier de messages par client', capsHelp: 'Au plus ce nombre de messages par canal à un même client et par jour ; au-delà, l’étape attend une personne (anomalies).',
    agency: 'Agence de recouvrement par défaut', agencyHelp: 'Où va une transmission quand son étape ne nomme pas d’agence. Sans elle, ces transmissions s’arrêtent dans les anomalies.', noAgency: 'Aucune',
    lateRates: 'Taux légaux des pénalités de retard', lateRatesHelp: 'Pénalités de retard = taux de refinancement de la BCE + 10 points ; le taux en vigueur au 1er janvier s’applique au premier semestre, celui du 1er juillet au second (Code de commerce, art. L441-10 II). Saisissez le taux de chaque semestre dès sa publication par la Banque de France.',
    halfYear: 'Semestre à partir du', ecbRate: 'Taux BCE (%)', legalRate: 'Taux légal (%)', today: 'Taux légal aujourd’hui : {{rate}} (taux BCE du {{from}} + 10 points).', missing: 'Le taux BCE du semestre commençant le {{date}} n’est pas saisi : celui du {{from}} s’applique en attendant. Saisissez-le.', noRate: 'Aucun taux saisi : les pénalités de retard ne peuvent pas être calculées.',
    year: 'Année', half: 'Semestre', firstHalf: '1er janvier (premier semestre)', secondHalf: '1er juillet (second semestre)', addRate: 'Enregistrer le taux', rateSaved: 'Taux enregistré.', rateDeleted: 'Taux supprimé.',
  },
  books: {
    title: 'Comptabilité', asOf: 'Au', trialBalance: 'Balance générale', account: 'Compte', label: 'Libellé', debit: 'Débit', credit: 'Crédit', balance: 'Solde', balanced: 'Équilibrée', unbalanced: 'Déséquilibrée', noEntry: 'Aucune écriture à cette date.',
    agedBalance: 'Balance âgée par client', agedHelp: 'Ce que doit chaque client selon la comptabilité (411 + 416), selon le retard de chaque facture.', exports: 'Exports', period: 'Période', journal: 'Journal (CSV)', fec: 'FEC', fecHelp: 'Fichier des écritures comptables (LPF art. A47 A-1) : les écritures en euros, telles que l’administration fiscale et les logiciels comptables les importent.',
    downloaded: '{{file}} téléchargé', excluded: 'Hors FEC (pas en euros) : {{currencies}}',
  },
};
