/** The words of the flow editor's "Which step pays" panel (issue 16, point 4): recovery per step of each published version. */
export const stepRecoveryScreensEn = {
  stepRecovery: {
    tab: 'Recovery',
    title: 'Which step pays',
    rule: 'What invoices paid within {{days}} days after each step, against what they still owed when it ran; steps run before an invoice moved to another flow are not counted.',
    window: 'Payments counted within',
    days: '{{days}} days',
    version: 'Published version',
    versionOption: 'Version {{version}}',
    tableLabel: 'Recovery per step of version {{version}}, within {{days}} days',
    step: 'Step',
    invoices: 'Invoices',
    recovered: 'Recovered',
    rate: 'Rate',
    settled_one: '{{count}} settled',
    settled_other: '{{count}} settled',
    ofOutstanding: 'of {{amount}} owed',
    removedStep: 'Step no longer in this version',
    empty: 'No figures for version {{version}} yet: they appear once invoices have run its steps.',
    noVersion: 'Nothing published yet: the figures appear once invoices have run the steps of a published version.',
  },
};
