// Terminal control sequences pgtui writes itself (Ink 6 does not manage the alternate screen).
export const ENTER_ALT_SCREEN = '\u001b[?1049h';
export const LEAVE_ALT_SCREEN = '\u001b[?1049l';
export const SHOW_CURSOR = '\u001b[?25h';
