import type { flowStepScreensEn } from '../en/flow-step-messages';
/**
 * The flow editor's words for its steps: what each kind does (with the law it applies), a label and
 * a help text for every field of every kind's schema, the choices of its lists, the few words of a
 * step's card, and the flow's settings. `flow-step-words.spec.ts` fails when a kind or a field has none.
 */
const recoverableHelpFr =
  'Sinon l’étape attend dans la boîte des anomalies, en disant ce qui manque (une pièce justificative, un litige en cours, un montant non arrêté…). Code civil 1353 : celui qui réclame l’exécution d’une obligation doit la prouver ; CPCE L111-6 : une créance est liquide lorsqu’elle est évaluée en argent.';

export const flowStepScreensFr: typeof flowStepScreensEn = {
  flowSteps: {
    step: 'Étape',
    label: 'Libellé',
    kinds: {
      start: { about: 'Là où chaque facture entre dans le scénario.' },
      wait: { about: 'Attend une date : avant ou après l’échéance, la date de facture, ou l’étape précédente.' },
      email: { about: 'Envoie un e-mail à partir d’un modèle à un contact du client.' },
      sms: { about: 'Envoie un SMS à partir d’un modèle à un contact du client.' },
      call_task: { about: 'Demande à un chargé de recouvrement d’appeler le client ; le scénario suit le résultat de l’appel.' },
      letter: { about: 'Poste un courrier ; avec un délai, c’est une mise en demeure (Code civil 1344).' },
      branch: { about: 'Choisit l’étape suivante selon la facture : montant, jours de retard, score de risque, segment ou dernier résultat.' },
      set_status: { about: 'Classe la facture douteuse, irrécouvrable, passée en perte ou confiée à l’agence.' },
      late_fee: { about: 'Ajoute les intérêts de retard et l’indemnité forfaitaire de recouvrement de 40 € (Code de commerce L441-10, D441-5).' },
      escalate: { about: 'Confie le dossier à une agence de recouvrement.' },
      simplified_procedure: {
        about:
          'Procédure simplifiée de recouvrement des petites créances (CPCE L125-1, R125-1 et suivants) : jusqu’à 5 000 EUR, intérêts et frais compris. Un commissaire de justice invite le débiteur à un accord, sans juge ; l’accord devient exécutoire. Issues : acceptée, refusée, sans réponse.',
      },
      payment_order: {
        about:
          'Injonction de payer (Code de procédure civile 1405 à 1425) : une requête au tribunal avec les pièces justificatives. Une fois l’ordonnance signifiée, le débiteur a un mois pour former opposition (art. 1416) ; sans opposition, elle devient exécutoire. Issues : exécutoire, opposition, rejetée.',
      },
      credit_insurance: {
        about:
          'Assurance-crédit : déclarer la menace de sinistre à l’assureur avant le délai que fixe votre police après l’échéance — une déclaration tardive peut faire perdre la garantie (Code des assurances L113-2) — ou déclarer le sinistre avec son dossier. Un client non garanti saute l’étape.',
      },
      end: { about: 'Le scénario s’arrête ici pour cette facture.' },
    },
    fields: {
      start: {},
      end: {},
      wait: {
        anchor: { label: 'Date de référence', help: 'La date à partir de laquelle l’attente est comptée : l’échéance, la date de facture ou l’étape précédente.' },
        offsetDays: { label: 'Nombre de jours', help: 'Combien de jours avant ou après cette date ; taper -5 signifie 5 jours avant.' },
        dayType: { label: 'Compter en', help: 'Jours calendaires, ou jours ouvrés (week-ends et jours fériés exclus).' },
        at: { label: 'Heure', help: 'L’heure de l’étape ce jour-là, dans le fuseau du client. Vide : à l’ouverture de la plage d’envoi.' },
      },
      email: {
        template: { label: 'Modèle', help: 'Le modèle de l’e-mail, dans la langue du client.' },
        recipient: { label: 'Destinataire', help: 'Le contact du client qui le reçoit.' },
        attachInvoice: { label: 'Joindre la facture', help: 'Ajoute la facture en PDF.' },
      },
      sms: {
        template: { label: 'Modèle', help: 'Le modèle du SMS, dans la langue du client.' },
        recipient: { label: 'Destinataire', help: 'Le contact du client qui le reçoit.' },
        maxSegments: { label: 'Au plus (SMS)', help: 'La longueur maximale du message, en segments SMS (160 caractères chacun, moins avec des accents).' },
      },
      call_task: {
        slaHours: { label: 'Délai d’appel', help: 'Passé ce délai, le résultat est « appel non passé à temps » et le scénario continue.' },
        script: { label: 'Script d’appel', help: 'Ce que le chargé de recouvrement dit au téléphone.' },
        priority: { label: 'Priorité', help: 'Les appels prioritaires passent en tête de la file.' },
      },
      letter: {
        template: { label: 'Modèle', help: 'Le modèle du courrier, dans la langue du client.' },
        registered: { label: 'Recommandé avec accusé de réception', help: 'La lettre recommandée avec AR prouve la date de réception d’une mise en demeure.' },
        noticePeriodDays: {
          label: 'Délai accordé (jours)',
          help: 'Une mise en demeure (Code civil 1344) accorde ce nombre de jours au débiteur, écrit dans le courrier ; une transmission à l’agence l’attend. Vide : pas une mise en demeure.',
        },
        requireRecoverable: { label: 'Seulement si la créance est certaine, liquide et exigible', help: recoverableHelpFr },
      },
      branch: { cases: { label: 'Conditions', help: 'Chaque cas nomme une issue et sa condition ; le premier vérifié est suivi, « sinon » quand aucun ne l’est.' } },
      set_status: { status: { label: 'Statut', help: 'Le statut que prend la facture.' } },
      late_fee: {
        indemnity: {
          label: 'Indemnité forfaitaire de recouvrement (40 €)',
          help: 'L’indemnité fixe par facture en retard entre professionnels (Code de commerce L441-10 II, D441-5).',
        },
        annualInterestRatePercent: { label: 'Taux d’intérêt annuel (%)', help: 'Vide : le taux légal, taux de la BCE majoré de 10 points (Code de commerce L441-10 II).' },
      },
      escalate: {
        agencyId: { label: 'Agence', help: 'Vide : l’agence par défaut choisie dans les Paramètres.' },
        requireRecoverable: { label: 'Seulement si la créance est certaine, liquide et exigible', help: recoverableHelpFr },
      },
      simplified_procedure: {
        answerDays: {
          label: 'Jours pour répondre',
          help: 'Le débiteur a un mois à compter de l’invitation du commissaire de justice pour accepter ou refuser (CPCE L125-1, R125-1 et suivants) ; sans réponse, c’est un refus. Seulement pour les créances jusqu’à 5 000 EUR.',
        },
      },
      payment_order: {
        court: {
          label: 'Tribunal',
          help: '« Selon le débiteur » : le tribunal de commerce quand le débiteur est commerçant, le tribunal judiciaire sinon (CPC 1406). Le débiteur peut former opposition dans le mois de la signification (CPC 1416).',
        },
      },
      credit_insurance: {
        action: {
          label: 'Action',
          help: 'Déclarer la menace de sinistre avant le délai de votre police (compté depuis l’échéance), ou déclarer le sinistre avec son dossier quand la police le permet.',
        },
      },
    },
    options: {
      anchor: { due_date: 'Échéance', issue_date: 'Date de facture', previous_step: 'Étape précédente' },
      dayType: { calendar: 'Jours calendaires', business: 'Jours ouvrés' },
      recipient: { billing: 'Contact facturation', accounting: 'Comptabilité', management: 'Direction', other: 'Autre contact', all: 'Tous les contacts' },
      priority: { normal: 'Normale', high: 'Haute' },
      court: { auto: 'Selon le débiteur (automatique)', tribunal_de_commerce: 'Tribunal de commerce', tribunal_judiciaire: 'Tribunal judiciaire' },
      action: { declare_threat: 'Déclarer la menace de sinistre', file_claim: 'Déclarer le sinistre' },
    },
    cards: {
      previous: 'préc.',
      businessDays: 'jours ouvrés',
      registered: 'recommandé',
      notice: 'délai de {{count}} jours',
      ifRecoverable: 'si certaine, liquide et exigible',
      indemnityAndInterest: '40 € + intérêts',
      interestOnly: 'intérêts',
      agency: 'agence {{id}}',
      defaultAgency: 'agence par défaut',
      simplifiedProcedure: 'Procédure simplifiée — {{count}} jours pour répondre',
      paymentOrder: 'Injonction de payer — {{court}}',
      courts: { auto: 'tribunal selon le débiteur', tribunal_de_commerce: 'tribunal de commerce', tribunal_judiciaire: 'tribunal judiciaire' },
      insurance: { declare_threat: 'Déclarer la menace de sinistre', file_claim: 'Déclarer le sinistre à l’assureur' },
    },
    settings: {
      tab: 'Paramètres',
      title: 'Paramètres du scénario',
      sendingWindow: {
        title: 'Quand les messages peuvent partir',
        closesBeforeOpening: 'La plage doit se fermer après son ouverture : rien ne pourrait jamais partir.',
        start: { label: 'De', help: 'L’heure la plus tôt d’envoi, dans le fuseau du client.' },
        end: { label: 'Jusqu’à', help: 'L’heure la plus tardive d’envoi ; au-delà, le message attend le prochain jour autorisé.' },
        weekdays: { label: 'Ces jours-là', help: 'Un message dû un autre jour attend le prochain jour coché.' },
        skipHolidays: { label: 'Pas les jours fériés', help: 'Un message dû un jour férié du pays du client attend le prochain jour ouvré.' },
      },
      catchUp: {
        title: 'Factures qui arrivent en retard dans le scénario',
        policy: {
          label: 'Étapes déjà passées',
          help: 'Une facture importée en retard, ou reprise après un long litige, trouve des étapes dont la date est passée. Un message écrit pour avant l’échéance ne part jamais pour une facture en retard.',
          options: { latest_due: 'Seulement la dernière due (sauter celles qu’elle remplace)', replay: 'Chacune à son tour' },
        },
        minGapHours: { label: 'Heures entre deux messages', help: 'Le délai minimal entre deux messages pour une même facture sur un même canal.' },
      },
      batch: 'Un seul message par client',
      batchHelp: 'Quand plusieurs factures d’un client arrivent à une étape d’envoi dans la même plage, elles partent ensemble dans un seul message.',
      reroute: 'Suivre le score de solvabilité',
      rerouteHelp:
        'Déplacer les factures en cours vers le scénario que choisit leur nouvelle classe de solvabilité, à la prochaine étape (jamais pendant un envoi, un appel ou une procédure). Les règles d’affectation choisissent le scénario selon le score de risque.',
    },
  },
};
