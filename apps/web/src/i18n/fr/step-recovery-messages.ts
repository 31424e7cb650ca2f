import type { stepRecoveryScreensEn } from '../en/step-recovery-messages';
/** The words of the flow editor's "Which step pays" panel (issue 16, point 4): recovery per step of each published version. */
export const stepRecoveryScreensFr: typeof stepRecoveryScreensEn = {
  stepRecovery: {
    tab: 'Recouvrement',
    title: 'Quelle étape rapporte',
    rule: 'Ce que les factures ont payé dans les {{days}} jours suivant chaque étape, rapporté à ce qu’elles devaient encore quand elle a eu lieu ; les étapes passées avant qu’une facture change de scénario ne sont pas comptées.',
    window: 'Paiements comptés sous',
    days: '{{days}} jours',
    version: 'Version publiée',
    versionOption: 'Version {{version}}',
    tableLabel: 'Recouvrement par étape de la version {{version}}, sous {{days}} jours',
    step: 'Étape',
    invoices: 'Factures',
    recovered: 'Recouvré',
    rate: 'Taux',
    settled_one: '{{count}} soldée',
    settled_other: '{{count}} soldées',
    ofOutstanding: 'sur {{amount}} dus',
    removedStep: 'Étape absente de cette version',
    empty: 'Pas encore de chiffres pour la version {{version}} : ils apparaissent une fois que des factures ont passé ses étapes.',
    noVersion: 'Rien de publié pour l’instant : les chiffres apparaissent une fois que des factures ont passé les étapes d’une version publiée.',
  },
};
