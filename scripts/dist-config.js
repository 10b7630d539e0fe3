import { configure } from '../www/js/api.js';
import wasm from '../www/pkg/dprk_labor_bg.wasm';

// No home site: the build may be hosted anywhere, so it links to no other page unless an
// element's methodology-url says where; and no worker script, so analyses run in the page.
configure({ wasm, home: null, worker: null, respawn: false });
