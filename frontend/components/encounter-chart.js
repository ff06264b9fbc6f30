/*
 * <encounter-chart>: a bar or doughnut chart drawn by Chart.js, fed by org.encounter.base.ui.Chart.
 *
 * The server sends a small description of the chart, not a Chart.js configuration, so the
 * server never depends on Chart.js internals and can never inject callbacks:
 *   { type: 'bar' | 'doughnut', labels: [..], series: [{ label, values: [..], colours?: [..] }],
 *     stacked: bool, horizontal: bool, title?: string, locale?: string }
 * The `label` property names the chart for assistive technology (the canvas is role="img").
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Title,
  Tooltip,
} from 'chart.js';

// Only what the two chart kinds need, so the bundle leaves the rest of Chart.js out.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend,
  Tooltip, Title);

// Okabe–Ito hues that reach at least 3:1 against white (WCAG 1.4.11); orange is darkened to
// #A86B00 (4.4:1) and black softened to grey, the yellow and sky blue (< 2.4:1) are left out.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#A86B00', '#5C5C5C'];

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

// WCAG 1.4.11: a bar or slice must reach 3:1 against the background. Colours sent by the server that do not
// are darkened (on a light background) or lightened (on a dark one) step by step until they do.
const MIN_CONTRAST = 3;

function rgb(colour) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour || '');
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (c) => c + c) : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  const fn = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(colour || '');
  return fn ? fn.slice(1, 4).map(Number) : null;
}

function luminance([r, g, b]) {
  const lin = (v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function readable(colour, background) {
  const c = rgb(colour);
  const bg = rgb(background) || [255, 255, 255];
  if (!c || contrast(c, bg) >= MIN_CONTRAST) {
    return colour;
  }
  const towards = luminance(bg) > 0.5 ? 0 : 255;
  let mixed = c;
  for (let t = 0.05; t <= 1 && contrast(mixed, bg) < MIN_CONTRAST; t += 0.05) {
    mixed = c.map((v) => Math.round(v + (towards - v) * t));
  }
  return `rgb(${mixed.join(', ')})`;
}

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host { display: block; width: 100%; box-sizing: border-box; }
    :host([hidden]) { display: none; }
    /* Chart.js sizes the canvas to this box: it must be positioned and hold nothing else. */
    .box { position: relative; width: 100%; height: var(--encounter-chart-height, 260px); }
    /* Resolves the page's background colour for the canvas, which cannot read CSS variables. */
    .background { display: none; color: var(--lumo-base-color, #fff); }
  </style>
  <div class="box"><canvas role="img"></canvas></div><span class="background"></span>`;

class EncounterChart extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).appendChild(template.content.cloneNode(true));
    this._canvas = this.shadowRoot.querySelector('canvas');
    this._chart = null;
    this._config = null;
    this._label = '';
    this._motionQuery = window.matchMedia(REDUCED_MOTION);
    this._onMotionChange = () => this._render(true);
  }

  connectedCallback() {
    // Flow may set properties before this module has loaded; they then sit on the instance
    // and would hide the accessors below.
    for (const name of ['config', 'label']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this._motionQuery.addEventListener('change', this._onMotionChange);
    this._render(true);
  }

  disconnectedCallback() {
    this._motionQuery.removeEventListener('change', this._onMotionChange);
    this._destroy();
  }

  get config() {
    return this._config;
  }

  set config(value) {
    this._config = typeof value === 'string' ? JSON.parse(value) : value;
    this._render(false);
  }

  get label() {
    return this._label;
  }

  set label(value) {
    this._label = value == null ? '' : String(value);
    this._canvas.setAttribute('aria-label', this._label);
  }

  _render(recreate) {
    if (!this.isConnected) {
      return;
    }
    if (!this._config) {
      this._destroy();
      return;
    }
    const next = this._chartJsConfig(this._config);
    if (this._chart && !recreate && this._chart.config.type === next.type) {
      this._chart.data = next.data;
      this._chart.options = next.options;
      this._chart.update();
      return;
    }
    this._destroy();
    this._chart = new Chart(this._canvas, next);
  }

  _destroy() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  _chartJsConfig(config) {
    const doughnut = config.type === 'doughnut';
    const series = config.series || [];
    const style = getComputedStyle(this);
    const text = style.color || '#1f2937';
    const background = getComputedStyle(this.shadowRoot.querySelector('.background')).color || '#ffffff';
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      color: text,
      font: { family: style.fontFamily },
      plugins: {
        legend: { display: doughnut || series.length > 1, position: doughnut ? 'bottom' : 'top', labels: { color: text } },
        title: { display: !!config.title, text: config.title || '', color: text },
        tooltip: { enabled: true },
      },
    };
    if (this._motionQuery.matches) {
      options.animation = false;
    }
    if (config.locale) {
      options.locale = config.locale;
    }
    if (!doughnut) {
      const valueAxis = config.horizontal ? 'x' : 'y';
      const categoryAxis = config.horizontal ? 'y' : 'x';
      options.indexAxis = config.horizontal ? 'y' : 'x';
      options.scales = {
        [categoryAxis]: { stacked: !!config.stacked, ticks: { color: text }, grid: { display: false } },
        // Counts: whole numbers only on the value axis.
        [valueAxis]: { stacked: !!config.stacked, beginAtZero: true, ticks: { color: text, precision: 0 } },
      };
    }
    return {
      type: doughnut ? 'doughnut' : 'bar',
      data: {
        labels: config.labels || [],
        datasets: series.map((s, i) => this._dataset(s, i, doughnut, series.length, background)),
      },
      options,
    };
  }

  _dataset(series, index, doughnut, count, background) {
    const own = Array.isArray(series.colours) && series.colours.length > 0
      ? series.colours.map((c) => readable(c, background)) : null;
    // A doughnut's slices each take the next colour; bar series are told apart by one colour
    // per series, unless the series brings its own (one colour, or one per bar).
    const colours = doughnut
      ? (own || series.values.map((_, i) => PALETTE[i % PALETTE.length]))
      : (own ? (own.length === 1 ? own[0] : own) : PALETTE[index % PALETTE.length]);
    const dataset = {
      label: series.label,
      data: series.values,
      backgroundColor: colours,
      // Slices are parted by a line of the page's background, so no two colours touch.
      borderColor: doughnut ? background : colours,
      borderWidth: doughnut ? 2 : 0,
    };
    if (!doughnut && count === 1) {
      dataset.maxBarThickness = 48;
    }
    return dataset;
  }
}

if (!customElements.get('encounter-chart')) {
  customElements.define('encounter-chart', EncounterChart);
}
