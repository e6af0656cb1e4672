// Bundled into the workflow code and evaluated once per workflow thread, before any conversation: see
// `preloadModules` in worker.ts. Exports the names the bot engine imports, so that the bundle redirects both to the
// same modules (the libraries are marked free of side effects). Not chrono-node: its exported parsers cache their
// patterns on themselves, and the SDK freezes what a preloaded module exports.
export { Environment } from '@marcbachmann/cel-js';
export { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
