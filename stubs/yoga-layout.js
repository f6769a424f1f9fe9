// Stands in for 'yoga-layout' in the CommonJS bundle dist/pgtui.cjs, which cannot hold yoga-layout's top-level
// `await loadYoga()`: the same object, filled in once yoga's WebAssembly is loaded. src/tui/load.ts awaits
// `yogaReady` before Ink draws anything; Ink reads Yoga only inside functions.
import { loadYoga } from '../node_modules/yoga-layout/dist/src/load.js';

const Yoga = {};
export default Yoga;
export const yogaReady = loadYoga().then((loaded) => {
  Object.assign(Yoga, loaded);
});
