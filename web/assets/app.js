// Review Radar web app: charts (Chart.js), the CSRF header on htmx requests. Loaded as a file: the
// Content-Security-Policy allows no inline script.
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  document.body.addEventListener('htmx:configRequest', (event) => {
    if (csrf) event.detail.headers['X-CSRF-Token'] = csrf;
  });

  // Okabe–Ito colours (distinguishable with colour-blindness), and for each series its own line
  // pattern and marker, so no series is told apart by colour alone.
  const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
  const DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 2]];
  const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];

  function draw(canvas) {
    if (typeof Chart === 'undefined') return;
    let spec;
    try {
      spec = JSON.parse(canvas.dataset.chart);
    } catch {
      return;
    }
    const bar = spec.type === 'bar';
    const datasets = spec.series.map((s, i) => ({
      label: s.label,
      data: s.data,
      borderColor: COLOURS[i % COLOURS.length],
      backgroundColor: bar ? spec.labels.map((_, j) => COLOURS[j % COLOURS.length]) : COLOURS[i % COLOURS.length],
      borderDash: DASHES[i % DASHES.length],
      pointStyle: MARKERS[i % MARKERS.length],
      pointRadius: 4,
      borderWidth: 2,
      spanGaps: true,
    }));
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: !bar, labels: { usePointStyle: true } },
          tooltip: { mode: 'index', intersect: false },
        },
        scales: {
          y: { min: spec.min, max: spec.max, title: { display: !!spec.yTitle, text: spec.yTitle } },
        },
      },
    });
  }

  const start = () => {
    for (const canvas of document.querySelectorAll('canvas[data-chart]')) draw(canvas);
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
})();
