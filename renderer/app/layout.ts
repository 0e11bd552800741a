/** The shell's sticky header height (px): sticky table heads sit just below it. */
export const HEADER_H = 56;
/** The side menu's width (px). */
export const SIDER_W = 200;
