// Ink stops drawing frames when it sees CI=true (it then writes only the last frame on exit). pgtui's Ink UI
// runs only on a real terminal (cli.tsx refuses otherwise), so a CI variable inherited by someone's shell, or
// by our own tmux tests in CI, must not leave the screen blank.
export default false;
