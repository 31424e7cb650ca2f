import type { editorCanvasScreensEn } from '../en/editor-canvas-messages';
/**
 * The flow editor's canvas: edge labels in words (branch conditions, outcomes), "+" on a connection,
 * click-to-add from the palette, tidy up, and React Flow's own accessible names and descriptions.
 */
export const editorCanvasScreensFr: typeof editorCanvasScreensEn = {
  editorCanvas: {
    insertHere: 'Insérer une étape ici',
    insertMenu: 'Étape à insérer',
    addStep: 'Ajouter une étape : {{kind}}',
    paletteHelp: 'Cliquez ou appuyez sur Entrée pour ajouter une étape après celle sélectionnée (ou à la fin) ; ou glissez-la sur le canevas.',
    tidy: 'Réorganiser',
    edgeName: 'De « {{source}} » à « {{target}} »',
    edgeNameOutcome: 'De « {{source}} » à « {{target}} » ({{outcome}})',
    conditions: {
      amount: 'Montant {{op}} {{value}}',
      daysOverdue: 'Jours de retard {{op}} {{value}}',
      riskScore: 'Score de risque {{op}} {{value}}',
      segment: 'Segment {{op}} {{value}}',
      lastOutcome: 'Dernier résultat d’appel {{op}} {{value}}',
    },
    ops: { eq: 'est', neq: 'n’est pas', in: 'parmi' },
    reactFlow: {
      nodeDescription: 'Appuyez sur Entrée ou Espace pour sélectionner une étape. Appuyez sur Suppr pour la retirer et sur Échap pour annuler.',
      nodeDescriptionKeyboard:
        'Appuyez sur Entrée ou Espace pour sélectionner une étape, puis sur les flèches pour la déplacer. Appuyez sur Suppr pour la retirer et sur Échap pour annuler.',
      nodeMoved: 'Étape déplacée vers {{direction}}. Nouvelle position : x {{x}}, y {{y}}',
      edgeDescription: 'Appuyez sur Entrée ou Espace pour sélectionner une liaison, puis sur Suppr pour la retirer ou sur Échap pour annuler.',
      controls: 'Commandes du canevas',
      zoomIn: 'Zoom avant',
      zoomOut: 'Zoom arrière',
      fitView: 'Tout afficher',
      minimap: 'Vue d’ensemble',
      handle: 'Point de liaison',
    },
  },
};
