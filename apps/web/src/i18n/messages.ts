/** The UI's words in English and French; keys are grouped by screen. */
export const en = {
  app: { title: 'Dunning engine', logout: 'Sign out', language: 'Language' },
  nav: { dashboard: 'Dashboard', invoices: 'Invoices', flows: 'Flows', queue: 'Call queue', outbox: 'Outbox', cases: 'My cases' },
  login: { title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in', failed: 'Wrong email or password' },
  common: { save: 'Save', cancel: 'Cancel', loading: 'Loading…', none: 'Nothing yet', amount: 'Amount', status: 'Status', date: 'Date', customer: 'Customer', actions: 'Actions', download: 'Download', close: 'Close' },
  dashboard: { outstanding: 'Outstanding', aging: 'Aging', dso: 'DSO (last 90 days)', dsoTrend: 'DSO trend (90-day window, monthly)', days: 'days', recovery: 'Recovered per flow step', messages: 'Messages sent per channel', journal: 'Journal (CSV)' },
  invoices: {
    title: 'Invoices', number: 'Invoice', due: 'Due', balance: 'Balance', flow: 'Flow', overdue: 'Overdue band', import: 'Import CSV/XLSX', importing: 'Importing', imported: 'Imported {{inserted}} invoices ({{unchanged}} unchanged)', rejected: 'Rejected: nothing was written', line: 'Line', field: 'Field', problem: 'Problem',
    detail: 'Invoice {{number}}', live: 'Live workflow', nextAction: 'Next', timeline: 'Timeline', messages: 'Messages', documents: 'Documents',
    recordPayment: 'Record payment', openDispute: 'Open dispute', resolveDispute: 'Resolve dispute', pause: 'Pause', resume: 'Resume', reason: 'Reason', reference: 'Reference',
  },
  flows: {
    title: 'Flows', new: 'New flow', name: 'Name', open: 'Open', publish: 'Publish', published: 'Published version {{version}}', draftSaved: 'Draft saved', saving: 'Saving…', problems: '{{count}} problem(s)', valid: 'Valid',
    palette: 'Steps', undo: 'Undo', redo: 'Redo', layout: 'Auto-layout', fit: 'Zoom to fit', delete: 'Delete', versions: 'Versions', diff: 'Compare', assign: 'Assignment', simulate: 'Simulate', runs: 'Invoices on this flow',
    noSelection: 'Select a step to edit it, or drag one in from the palette.', preview: 'Preview', segment: 'Segment', riskMin: 'Risk from', riskMax: 'Risk to', priority: 'Priority', saveRule: 'Assign',
    sample: { amount: 'Amount', dueDate: 'Due date', country: 'Country', riskScore: 'Risk score (1–10)', run: 'Run simulation' },
  },
  nodes: { start: 'Start', wait: 'Wait', email: 'Email', sms: 'SMS', call_task: 'Call task', letter: 'Letter', branch: 'Branch', set_status: 'Set status', late_fee: 'Late fee', escalate: 'Agency', end: 'End' },
  queue: { title: 'Call queue', claim: 'Claim', release: 'Release', next: 'Next task', phone: 'Phone', daysOverdue: 'Days overdue', lastReminders: 'Last reminders', script: 'Call script', outcome: 'Outcome', record: 'Record outcome', promiseDate: 'Promised date', promiseAmount: 'Promised amount', shortcuts: 'Keys: J/K move, C claim, 1–5 outcome, Enter record' },
  outcomes: { promise_to_pay: 'Promise to pay', dispute: 'Dispute', paid: 'Paid', no_answer: 'No answer', wrong_contact: 'Wrong contact', sla_expired: 'SLA expired', bounced: 'Bounced' },
  outbox: { title: 'Outbox', channel: 'Channel', to: 'To', subject: 'Subject', all: 'All' },
  agency: { title: 'Cases handed to you', acknowledge: 'Acknowledge', report: 'Report', recovered: 'Recovered', package: 'Package (zip)' },
};

export type Messages = typeof en;

export const fr: Messages = {
  app: { title: 'Moteur de relance', logout: 'Se déconnecter', language: 'Langue' },
  nav: { dashboard: 'Tableau de bord', invoices: 'Factures', flows: 'Scénarios', queue: 'Appels', outbox: 'Boîte d’envoi', cases: 'Mes dossiers' },
  login: { title: 'Connexion', email: 'E-mail', password: 'Mot de passe', submit: 'Se connecter', failed: 'E-mail ou mot de passe incorrect' },
  common: { save: 'Enregistrer', cancel: 'Annuler', loading: 'Chargement…', none: 'Rien pour l’instant', amount: 'Montant', status: 'Statut', date: 'Date', customer: 'Client', actions: 'Actions', download: 'Télécharger', close: 'Fermer' },
  dashboard: { outstanding: 'Encours', aging: 'Balance âgée', dso: 'DSO (90 derniers jours)', dsoTrend: 'Évolution du DSO (fenêtre de 90 jours, par mois)', days: 'jours', recovery: 'Recouvré par étape', messages: 'Messages envoyés par canal', journal: 'Journal (CSV)' },
  invoices: {
    title: 'Factures', number: 'Facture', due: 'Échéance', balance: 'Reste dû', flow: 'Scénario', overdue: 'Retard', import: 'Importer CSV/XLSX', importing: 'Import en cours', imported: '{{inserted}} factures importées ({{unchanged}} inchangées)', rejected: 'Rejeté : rien n’a été écrit', line: 'Ligne', field: 'Champ', problem: 'Problème',
    detail: 'Facture {{number}}', live: 'Workflow en cours', nextAction: 'Prochaine étape', timeline: 'Historique', messages: 'Messages', documents: 'Documents',
    recordPayment: 'Enregistrer un paiement', openDispute: 'Ouvrir un litige', resolveDispute: 'Clore le litige', pause: 'Suspendre', resume: 'Reprendre', reason: 'Motif', reference: 'Référence',
  },
  flows: {
    title: 'Scénarios', new: 'Nouveau scénario', name: 'Nom', open: 'Ouvrir', publish: 'Publier', published: 'Version {{version}} publiée', draftSaved: 'Brouillon enregistré', saving: 'Enregistrement…', problems: '{{count}} problème(s)', valid: 'Valide',
    palette: 'Étapes', undo: 'Annuler', redo: 'Rétablir', layout: 'Disposition auto', fit: 'Tout afficher', delete: 'Supprimer', versions: 'Versions', diff: 'Comparer', assign: 'Affectation', simulate: 'Simuler', runs: 'Factures sur ce scénario',
    noSelection: 'Sélectionnez une étape pour la modifier, ou glissez-en une depuis la palette.', preview: 'Aperçu', segment: 'Segment', riskMin: 'Risque de', riskMax: 'Risque à', priority: 'Priorité', saveRule: 'Affecter',
    sample: { amount: 'Montant', dueDate: 'Échéance', country: 'Pays', riskScore: 'Score de risque (1–10)', run: 'Lancer la simulation' },
  },
  nodes: { start: 'Début', wait: 'Attente', email: 'E-mail', sms: 'SMS', call_task: 'Appel', letter: 'Courrier', branch: 'Condition', set_status: 'Statut', late_fee: 'Pénalités', escalate: 'Agence', end: 'Fin' },
  queue: { title: 'Appels à passer', claim: 'Prendre', release: 'Libérer', next: 'Suivant', phone: 'Téléphone', daysOverdue: 'Jours de retard', lastReminders: 'Dernières relances', script: 'Script d’appel', outcome: 'Résultat', record: 'Enregistrer', promiseDate: 'Date promise', promiseAmount: 'Montant promis', shortcuts: 'Touches : J/K naviguer, C prendre, 1–5 résultat, Entrée enregistrer' },
  outcomes: { promise_to_pay: 'Promesse de paiement', dispute: 'Litige', paid: 'Payé', no_answer: 'Pas de réponse', wrong_contact: 'Mauvais contact', sla_expired: 'Délai dépassé', bounced: 'Non distribué' },
  outbox: { title: 'Boîte d’envoi', channel: 'Canal', to: 'Destinataire', subject: 'Objet', all: 'Tous' },
  agency: { title: 'Dossiers confiés', acknowledge: 'Accuser réception', report: 'Signaler', recovered: 'Recouvré', package: 'Dossier (zip)' },
};
