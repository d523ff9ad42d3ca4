/** Mantine theme: darker shades than the defaults so text and controls meet WCAG AA contrast. */
import { Anchor, ColorInput, Modal, createTheme } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';

/** The Tessera theme. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  focusRing: 'auto',
  headings: { fontWeight: '700' },
  components: {
    // Links inside text must not rely on colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Icon-only buttons inside Mantine components need names for screen readers.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    ColorInput: ColorInput.extend({ defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } } }),
  },
});

/** Mantine's light-scheme dimmed and error colours are below 4.5:1 on white; use darker shades. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

/** Colour of destructive actions (Mantine red 9, 5.9:1 on white; subtle buttons would clamp a theme shade to 6). */
export const DANGER = '#c92a2a';

/** Colour of warnings (a dark orange, 6.9:1 on white; Mantine's orange shades are below 4.5:1). */
export const WARNING = '#9c3b00';
