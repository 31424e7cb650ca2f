'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.benchWorkflow = benchWorkflow;
const workflow_1 = require('@temporalio/workflow');
const { work } = (0, workflow_1.proxyActivities)({ startToCloseTimeout: '1 minute' });
/** The benchmark's workflow: 6 activities and 5 timers, interleaved. */
async function benchWorkflow(timerMs) {
  let total = await work(0);
  for (let step = 1; step < 6; step++) {
    await (0, workflow_1.sleep)(timerMs);
    total += await work(step);
  }
  return total;
}
