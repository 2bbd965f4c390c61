// Screens name colours; the palette decides what reaches the terminal. With 16 colours the terminal's
// theme decides (light themes darken their yellow). A 256-colour terminal's colours are fixed, and
// xterm's plain yellow and cyan fade on a white background: there we use Solarized's 256-colour
// approximations of its accents, made to keep their contrast on light and dark backgrounds alike
// (https://ethanschoonover.com/solarized/, "Xterm/256" column of its palette table).

export type NamedColour = 'red' | 'magenta' | 'yellow' | 'cyan' | 'green';

/** `terminal`: the theme's named colours; `fixed`: the 256-colour ones below. */
export type Palette = 'terminal' | 'fixed';

const FIXED: Record<NamedColour, string> = {
  red: 'ansi256(160)',
  magenta: 'ansi256(125)',
  yellow: 'ansi256(136)',
  cyan: 'ansi256(37)',
  green: 'ansi256(64)',
};

/** `fixed` when the terminal says it has 256 colours or more (TERM …-256color, COLORTERM truecolor). */
export function paletteFor(env: NodeJS.ProcessEnv): Palette {
  const term = env.TERM ?? '';
  const colorterm = (env.COLORTERM ?? '').toLowerCase();
  return /256|direct/.test(term) || colorterm === 'truecolor' || colorterm === '24bit' ? 'fixed' : 'terminal';
}

/** The value for ink's `color` prop. */
export function inkColour(colour: string | undefined, palette: Palette): string | undefined {
  if (colour === undefined || palette === 'terminal') return colour;
  return FIXED[colour as NamedColour] ?? colour;
}
