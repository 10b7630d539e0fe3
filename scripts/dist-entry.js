// Entry of the single-file build: the wasm travels inside the module as bytes, so no .wasm
// file is fetched. `dist-config.js` runs before the elements are defined (ES modules
// evaluate their imports in order).
import './dist-config.js';
export { DprkLaborCalculator, DprkLaborValue } from '../www/js/elements.js';
