// Small inline SVG icons (16 px, stroke in currentColor) for the status screens, so a mark reads the same on every
// system instead of depending on a font's glyphs. Built as DOM nodes; no markup is parsed.

const SVG = 'http://www.w3.org/2000/svg';

/** Path data per icon, drawn on a 16×16 grid. */
const PATHS = {
  queued: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13', 'M8 4.5V8l2.5 1.5'],
  running: ['M8 1.5a6.5 6.5 0 1 1-6.5 6.5', 'M8 5v3'],
  step: ['M8 5.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5'],
  succeeded: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13', 'M5 8.2l2 2L11 6'],
  failed: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13', 'M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4'],
  cancelled: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13', 'M5.5 8h5'],
  decision: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13', 'M6.3 6.2a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.6-.7 1.1v.3', 'M8 11.2v.1'],
  copy: ['M5.5 5.5h7v8h-7z', 'M3.5 10.5v-8h7'],
  file: ['M4 1.5h5l3 3v10H4z', 'M9 1.5v3h3'],
};

/**
 * An icon by name (unknown names draw a dot); decorative, so hidden from screen readers.
 * @param {string} name
 * @returns {SVGSVGElement}
 */
export function icon(name) {
  const svg = /** @type {SVGSVGElement} */ (document.createElementNS(SVG, 'svg'));
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `lr-svg lr-svg-${name}`);
  for (const d of PATHS[/** @type {keyof PATHS} */ (name)] || PATHS.step) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.5');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.append(path);
  }
  return svg;
}
