/**
 * The flow editor's canvas: edge labels in words (branch conditions, outcomes), "+" on a connection,
 * click-to-add from the palette, tidy up, and React Flow's own accessible names and descriptions.
 */
export const editorCanvasScreensEn = {
  editorCanvas: {
    insertHere: 'Insert a step here',
    insertMenu: 'Step to insert',
    addStep: 'Add a step: {{kind}}',
    paletteHelp: 'Click or press Enter to add a step after the selected one (or at the end); or drag it onto the canvas.',
    tidy: 'Tidy up',
    edgeName: 'From {{source}} to {{target}}',
    edgeNameOutcome: 'From {{source}} to {{target}} ({{outcome}})',
    conditions: {
      amount: 'Amount {{op}} {{value}}',
      daysOverdue: 'Days overdue {{op}} {{value}}',
      riskScore: 'Risk score {{op}} {{value}}',
      segment: 'Segment {{op}} {{value}}',
      lastOutcome: 'Last call outcome {{op}} {{value}}',
    },
    ops: { eq: 'is', neq: 'is not', in: 'is one of' },
    reactFlow: {
      nodeDescription: 'Press Enter or Space to select a step. Press Delete to remove it and Escape to cancel.',
      nodeDescriptionKeyboard: 'Press Enter or Space to select a step, then the arrow keys to move it. Press Delete to remove it and Escape to cancel.',
      nodeMoved: 'Step moved {{direction}}. New position: x {{x}}, y {{y}}',
      edgeDescription: 'Press Enter or Space to select a connection, then Delete to remove it or Escape to cancel.',
      controls: 'Canvas controls',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      fitView: 'Zoom to fit',
      minimap: 'Overview map',
      handle: 'Connection point',
    },
  },
};
