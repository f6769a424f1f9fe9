export default { initialize() {}, connectToDevTools() {} };
export function initialize() {}
export function connectToDevTools() {}
