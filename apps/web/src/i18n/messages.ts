import { moneyScreensEn, moneyScreensFr } from './money-messages';
import { vocabularyEn, vocabularyFr } from './vocabulary';

/** The UI's words in English and French; keys are grouped by screen (the API's codes in vocabulary.ts, money screens in money-messages.ts). */
const screensEn = {
  app: { title: 'Dunning engine', logout: 'Sign out', language: 'Language' },
  nav: { dashboard: 'Dashboard', invoices: 'Invoices', flows: 'Flows', queue: 'Call queue', outbox: 'Outbox', cases: 'My cases', exceptions: 'Exceptions', settings: 'Settings', books: 'Books', openExceptions: '{{count}} open' },
  login: { title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in', failed: 'Wrong email or password' },
  common: {
    save: 'Save', cancel: 'Cancel', loading: 'Loading…', none: 'Nothing yet', amount: 'Amount', status: 'Status', date: 'Date', customer: 'Customer', actions: 'Actions', download: 'Download', close: 'Close',
    total: 'Total', currency: 'Currency', reference: 'Reference', notes: 'Notes', reason: 'Reason', from: 'From', to: 'To', delete: 'Delete', submit: 'Submit', done: 'Done', amountHint: 'An amount such as 1234.56', required: 'Required', loadFailed: 'Could not load: {{message}}',
  },
  errors: { conflict: 'Not possible in this state', invalid: 'Check what you typed', forbidden: 'Your role does not allow this', missing: 'Not found', other: 'Something went wrong' },
  dashboard: {
    outstanding: 'Outstanding', aging: 'Aging', agingHelp: 'Open invoices by how late they are, per currency (as of {{date}})', invoicesCount: '{{count}} invoice(s)', dso: 'DSO (last 90 days)', dsoTrend: 'DSO by month, from the books',
    dsoTrendHelp: 'Receivables at each month’s end ÷ the last three months’ sales × their days.', days: 'days', recovery: 'Recovered per flow step', beforeAnyStep: 'Before any step', messages: 'Messages sent per channel', journal: 'Journal (CSV)', books: 'Trial balance, aged balance, FEC',
  },
  invoices: {
    title: 'Invoices', number: 'Invoice', due: 'Due', balance: 'Balance', flow: 'Flow', overdue: 'Overdue band', import: 'Import CSV/XLSX', importing: 'Importing', imported: 'Imported {{inserted}} invoices ({{unchanged}} unchanged)', rejected: 'Rejected: nothing was written', line: 'Line', field: 'Field', problem: 'Problem',
    detail: 'Invoice {{number}}', live: 'Live workflow', nextAction: 'Next', timeline: 'Timeline', messages: 'Messages', documents: 'Documents', bands: { '1-30': '1–30 days', '31-60': '31–60 days', '61-90': '61–90 days', '91-': 'Over 90 days' },
    importStatuses: { queued: 'queued', validating: 'checking', writing: 'writing', succeeded: 'done', rejected: 'rejected', failed: 'failed' }, documentKinds: { invoice: 'invoice', letter: 'letter', handoff: 'agency case' },
  },
  flows: {
    title: 'Flows', new: 'New flow', name: 'Name', open: 'Open', publish: 'Publish', published: 'Published version {{version}}', draftSaved: 'Draft saved', saving: 'Saving…', problems: '{{count}} problem(s)', valid: 'Valid',
    palette: 'Steps', undo: 'Undo', redo: 'Redo', layout: 'Auto-layout', fit: 'Zoom to fit', delete: 'Delete', versions: 'Versions', diff: 'Compare', assign: 'Assignment', simulate: 'Simulate', runs: 'Invoices on this flow',
    noSelection: 'Select a step to edit it, or drag one in from the palette.', preview: 'Preview', segment: 'Segment', riskMin: 'Risk from', riskMax: 'Risk to', priority: 'Priority', saveRule: 'Assign', steps: '{{count}} steps', risk: 'risk {{min}}–{{max}}',
    sample: { amount: 'Amount', dueDate: 'Due date', country: 'Country', riskScore: 'Risk score (1–10)', run: 'Run simulation' },
  },
  nodes: { start: 'Start', wait: 'Wait', email: 'Email', sms: 'SMS', call_task: 'Call task', letter: 'Letter', branch: 'Branch', set_status: 'Set status', late_fee: 'Late fee', escalate: 'Agency', end: 'End' },
  queue: {
    title: 'Call queue', claim: 'Claim', release: 'Release', next: 'Next task', phone: 'Phone', daysOverdue: 'Days overdue', daysLate: '{{count}} days late', lastReminders: 'Last reminders', script: 'Call script', noScript: 'No call script for this customer.', outcome: 'Outcome', record: 'Record outcome',
    promiseDate: 'Promised date', promiseAmount: 'Promised amount', shortcuts: 'Keys: J/K move, C claim, 1–5 outcome, Enter record', invoices: 'Invoices covered by the call', total: 'Total due', history: 'Earlier calls', noHistory: 'No earlier call.', by: 'by {{name}}',
    notes: 'Notes (kept with the call)', disputeReason: 'What is disputed', reasonRequired: 'Say what is disputed', reference: 'Ref. {{reference}}', speaks: 'Speaks {{language}}', slaDue: 'Call before {{date}}', claimedByOther: 'Another collector holds this call.', recorded: 'Outcome recorded', noReminder: 'No reminder sent yet.',
  },
  outbox: { title: 'Outbox', channel: 'Channel', to: 'To', subject: 'Subject', all: 'All' },
  agency: {
    title: 'Cases handed to you', acknowledge: 'Acknowledge', report: 'Report', recovered: 'Recovered', package: 'Package (zip)', invoices: 'Invoices', owed: 'Still owed', handedOver: 'Handed over', reportTitle: 'Report on the case of {{customer}}',
    recoveredNow: 'Recovered since your last report', reference: 'Your report’s reference', referenceHelp: 'Required with an amount: the same report sent twice is counted once.', note: 'Note', reported: 'Report recorded', duplicate: 'This report was already recorded: it counts once.',
  },
};

export const en = { ...screensEn, ...moneyScreensEn, ...vocabularyEn };
export type Messages = typeof en;

const screensFr: typeof screensEn = {
  app: { title: 'Moteur de relance', logout: 'Se déconnecter', language: 'Langue' },
  nav: { dashboard: 'Tableau de bord', invoices: 'Factures', flows: 'Scénarios', queue: 'Appels', outbox: 'Boîte d’envoi', cases: 'Mes dossiers', exceptions: 'Anomalies', settings: 'Paramètres', books: 'Comptabilité', openExceptions: '{{count}} ouvertes' },
  login: { title: 'Connexion', email: 'E-mail', password: 'Mot de passe', submit: 'Se connecter', failed: 'E-mail ou mot de passe incorrect' },
  common: {
    save: 'Enregistrer', cancel: 'Annuler', loading: 'Chargement…', none: 'Rien pour l’instant', amount: 'Montant', status: 'Statut', date: 'Date', customer: 'Client', actions: 'Actions', download: 'Télécharger', close: 'Fermer',
    total: 'Total', currency: 'Devise', reference: 'Référence', notes: 'Notes', reason: 'Motif', from: 'Du', to: 'Au', delete: 'Supprimer', submit: 'Valider', done: 'C’est fait', amountHint: 'Un montant comme 1 234,56', required: 'Obligatoire', loadFailed: 'Chargement impossible : {{message}}',
  },
  errors: { conflict: 'Impossible dans cet état', invalid: 'Vérifiez la saisie', forbidden: 'Votre rôle ne le permet pas', missing: 'Introuvable', other: 'Une erreur est survenue' },
  dashboard: {
    outstanding: 'Encours', aging: 'Balance âgée', agingHelp: 'Factures ouvertes selon leur retard, par devise (au {{date}})', invoicesCount: '{{count}} facture(s)', dso: 'DSO (90 derniers jours)', dsoTrend: 'DSO par mois, d’après la comptabilité',
    dsoTrendHelp: 'Créances clients en fin de mois ÷ ventes des trois derniers mois × leur nombre de jours.', days: 'jours', recovery: 'Recouvré par étape', beforeAnyStep: 'Avant toute étape', messages: 'Messages envoyés par canal', journal: 'Journal (CSV)', books: 'Balance, balance âgée, FEC',
  },
  invoices: {
    title: 'Factures', number: 'Facture', due: 'Échéance', balance: 'Reste dû', flow: 'Scénario', overdue: 'Retard', import: 'Importer CSV/XLSX', importing: 'Import en cours', imported: '{{inserted}} factures importées ({{unchanged}} inchangées)', rejected: 'Rejeté : rien n’a été écrit', line: 'Ligne', field: 'Champ', problem: 'Problème',
    detail: 'Facture {{number}}', live: 'Workflow en cours', nextAction: 'Prochaine étape', timeline: 'Historique', messages: 'Messages', documents: 'Documents', bands: { '1-30': '1 à 30 jours', '31-60': '31 à 60 jours', '61-90': '61 à 90 jours', '91-': 'Plus de 90 jours' },
    importStatuses: { queued: 'en file', validating: 'vérification', writing: 'écriture', succeeded: 'terminé', rejected: 'rejeté', failed: 'échec' }, documentKinds: { invoice: 'facture', letter: 'courrier', handoff: 'dossier agence' },
  },
  flows: {
    title: 'Scénarios', new: 'Nouveau scénario', name: 'Nom', open: 'Ouvrir', publish: 'Publier', published: 'Version {{version}} publiée', draftSaved: 'Brouillon enregistré', saving: 'Enregistrement…', problems: '{{count}} problème(s)', valid: 'Valide',
    palette: 'Étapes', undo: 'Annuler', redo: 'Rétablir', layout: 'Disposition auto', fit: 'Tout afficher', delete: 'Supprimer', versions: 'Versions', diff: 'Comparer', assign: 'Affectation', simulate: 'Simuler', runs: 'Factures sur ce scénario',
    noSelection: 'Sélectionnez une étape pour la modifier, ou glissez-en une depuis la palette.', preview: 'Aperçu', segment: 'Segment', riskMin: 'Risque de', riskMax: 'Risque à', priority: 'Priorité', saveRule: 'Affecter', steps: '{{count}} étapes', risk: 'risque {{min}}–{{max}}',
    sample: { amount: 'Montant', dueDate: 'Échéance', country: 'Pays', riskScore: 'Score de risque (1–10)', run: 'Lancer la simulation' },
  },
  nodes: { start: 'Début', wait: 'Attente', email: 'E-mail', sms: 'SMS', call_task: 'Appel', letter: 'Courrier', branch: 'Condition', set_status: 'Statut', late_fee: 'Pénalités', escalate: 'Agence', end: 'Fin' },
  queue: {
    title: 'Appels à passer', claim: 'Prendre', release: 'Libérer', next: 'Suivant', phone: 'Téléphone', daysOverdue: 'Jours de retard', daysLate: '{{count}} jours de retard', lastReminders: 'Dernières relances', script: 'Script d’appel', noScript: 'Pas de script d’appel pour ce client.', outcome: 'Résultat', record: 'Enregistrer',
    promiseDate: 'Date promise', promiseAmount: 'Montant promis', shortcuts: 'Touches : J/K naviguer, C prendre, 1–5 résultat, Entrée enregistrer', invoices: 'Factures concernées par l’appel', total: 'Total dû', history: 'Appels précédents', noHistory: 'Aucun appel précédent.', by: 'par {{name}}',
    notes: 'Notes (conservées avec l’appel)', disputeReason: 'Objet du litige', reasonRequired: 'Précisez l’objet du litige', reference: 'Réf. {{reference}}', speaks: 'Parle {{language}}', slaDue: 'À appeler avant le {{date}}', claimedByOther: 'Un autre chargé de recouvrement a pris cet appel.', recorded: 'Résultat enregistré', noReminder: 'Aucune relance envoyée.',
  },
  outbox: { title: 'Boîte d’envoi', channel: 'Canal', to: 'Destinataire', subject: 'Objet', all: 'Tous' },
  agency: {
    title: 'Dossiers confiés', acknowledge: 'Accuser réception', report: 'Signaler', recovered: 'Recouvré', package: 'Dossier (zip)', invoices: 'Factures', owed: 'Reste dû', handedOver: 'Transmis le', reportTitle: 'Compte rendu sur le dossier de {{customer}}',
    recoveredNow: 'Recouvré depuis votre dernier compte rendu', reference: 'Référence de votre compte rendu', referenceHelp: 'Obligatoire avec un montant : le même compte rendu envoyé deux fois ne compte qu’une fois.', note: 'Note', reported: 'Compte rendu enregistré', duplicate: 'Ce compte rendu était déjà enregistré : il ne compte qu’une fois.',
  },
};

export const fr: Messages = { ...screensFr, ...moneyScreensFr, ...vocabularyFr };
