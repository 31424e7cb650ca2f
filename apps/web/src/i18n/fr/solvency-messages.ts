import type { solvencyScreensEn } from '../en/solvency-messages';
/** The words of the solvency scores (issue 13, point 6): a customer's history, the CSV import, the alert settings. */
export const solvencyScreensFr: typeof solvencyScreensEn = {
  solvency: {
    title: 'Scores de solvabilité',
    current: 'Score actuel : {{score}}/10 — {{band}}',
    unscored: 'Pas encore de score (compté 5/10 pour choisir un scénario)',
    creditLimit: 'Encours autorisé : {{amount}}',
    none: 'Aucun score enregistré',
    date: 'Noté le',
    score: 'Score',
    band: 'Tranche',
    provider: 'Fournisseur',
    source: 'Origine',
    bandsHelp:
      'Tranches : 8–10 très bon, 6–7 correct, 4–5 fragile, 1–3 faible. La tranche choisit le scénario d’une nouvelle facture ; un changement de tranche fait passer les factures en cours au scénario que les règles d’affectation choisissent désormais, à leur prochaine étape, si leur scénario le permet.',
    bands: { very_good: 'très bon', correct: 'correct', fragile: 'fragile', poor: 'faible' },
    sources: { manual: 'saisie', csv: 'fichier CSV', api: 'API', webhook: 'notification du fournisseur', import: 'import de factures' },
    record: 'Enregistrer un score',
    recorded: 'Score enregistré : tranche {{band}} ; {{rerouted}} facture(s) en cours changée(s) de scénario',
    replayed: 'Ce score était déjà enregistré',
    importTitle: 'Importer des scores de solvabilité (CSV/XLSX)',
    importHelp:
      'Colonnes : customer_reference, score (1–10), scored_at (jj/mm/aaaa, AAAA-MM-JJ ou date et heure ISO), provider ; facultatives : external_id (enregistré une fois par fournisseur) et note. Chaque ligne est vérifiée : un seul problème et rien n’est importé.',
    importSubmit: 'Importer les scores',
    imported: '{{imported}} score(s) importé(s) ({{unchanged}} déjà connus) ; {{rerouted}} facture(s) réorientée(s), {{alerts}} alerte(s)',
    importProblems: 'Rien n’a été importé — corrigez ces lignes :',
    line: 'Ligne',
    field: 'Colonne',
    problem: 'Problème',
    settingsTitle: 'Alertes de solvabilité',
    alertBelow: 'Alerter quand un score passe sous',
    alertBelowHelp: 'Une baisse sous ce score ouvre une exception « baisse de score » dans la boîte des exceptions.',
    lowerCreditLimit: 'Puis réduire l’encours autorisé de (%)',
    lowerCreditLimitHelp: 'Vide : l’encours reste. Appliqué une fois, quand le score franchit le seuil.',
    save: 'Enregistrer',
    saved: 'Enregistré',
  },
};
