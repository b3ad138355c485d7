// The design system in one place: element builder, form controls, feedback, Markdown; styles in tokens.css
// (type scale, spacing, colour with AA contrast) and components.css (buttons, controls, cards, tables, toasts).
import './tokens.css';
import './components.css';
import './screens.css';

export * from './dom';
export * from './forms';
export * from './feedback';
export * from './markdown';
export * from './csv-upload';
export * from './pager';
