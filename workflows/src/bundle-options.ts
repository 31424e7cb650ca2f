/**
 * How the workflow code is bundled: the same for the worker, the pre-built bundle and the tests.
 *
 * In the SDK's reusable V8 context every workflow run loads the bundle's modules afresh: module
 * scope runs once per workflow. Luxon is pure (no workflow sets its `Settings`), the heaviest module
 * the workflows load, and keeps caches of time zones and Intl formatters in module scope. Preloaded
 * (shared-modules.ts), it is set up once per worker thread and shared by every workflow.
 * This file runs in Node (the worker, the tests), never in the bundle.
 */
export const WORKFLOW_BUNDLE_OPTIONS = { preloadModules: [`${__dirname}/shared-modules.ts`] };
