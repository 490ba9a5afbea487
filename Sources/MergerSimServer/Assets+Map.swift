extension Assets {
    /// The map of the units page and the plan page, on a canvas: every unit with a centre as a point coloured
    /// by its class (`ok`, `fail`, `warn`, `none`), drawn from the JSON at `data-points`
    /// (`{"points": [{"c", "n", "p", "lat", "lon", "k", "g"}], "legend": {…}}`).
    /// - `data-focus="Province"` zooms to that province's units;
    /// - the wheel zooms, a drag moves, pointing shows a unit's name (in the `.map-tip` beside the canvas);
    /// - with `data-select-into="ID"`, a click (or a shift-drag box) selects units: their codes go,
    ///   comma-separated, into the input `#ID`, and `#ID-count` (when present) says how many. A point's
    ///   ring shows it is selected; points of one new unit (`g`) are joined by thin lines.
    /// Equirectangular projection around the data's mean latitude: enough for a province or the country.
    static let mapScript = #"""
        "use strict";
        (function () {
          const colours = { ok: "#1a7f37", fail: "#b42318", warn: "#dc6803", none: "#667085" };
          document.querySelectorAll("canvas.map[data-points]").forEach(setUp);

          async function setUp(canvas) {
            const tip = canvas.parentElement.querySelector(".map-tip");
            let data;
            try {
              const response = await fetch(canvas.dataset.points, { headers: { "Accept": "application/json" } });
              if (!response.ok) return;
              data = await response.json();
            } catch (e) { return; }
            const points = data.points;
            if (points.length === 0) return;
            const into = canvas.dataset.selectInto ? document.getElementById(canvas.dataset.selectInto) : null;
            const counter = into ? document.getElementById(canvas.dataset.selectInto + "-count") : null;
            const selected = new Set(into && into.value ? into.value.split(",").filter(Boolean) : []);
            const meanLat = points.reduce((s, p) => s + p.lat, 0) / points.length;
            const kx = Math.cos(meanLat * Math.PI / 180);
            const px = points.map(p => p.lon * kx), py = points.map(p => -p.lat);
            const ratio = window.devicePixelRatio || 1;
            let width = 0, height = 0, scale = 1, ox = 0, oy = 0;
            let drag = null, box = null, moved = false;

            function resize() {
              width = canvas.clientWidth; height = canvas.clientHeight;
              canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
            }
            function fit(indices) {
              let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
              for (const i of indices) { x0 = Math.min(x0, px[i]); x1 = Math.max(x1, px[i]); y0 = Math.min(y0, py[i]); y1 = Math.max(y1, py[i]); }
              const spanX = Math.max(x1 - x0, 0.02), spanY = Math.max(y1 - y0, 0.02);
              scale = 0.86 * Math.min(width / spanX, height / spanY);
              ox = width / 2 - scale * (x0 + x1) / 2; oy = height / 2 - scale * (y0 + y1) / 2;
            }
            const radius = () => Math.max(2, Math.min(7, 900 / Math.sqrt(points.length) / 6 + scale / 400));
            function draw() {
              const g = canvas.getContext("2d");
              g.setTransform(ratio, 0, 0, ratio, 0, 0);
              g.clearRect(0, 0, width, height);
              const r = radius();
              // Members of one new unit joined to the first of them.
              const first = new Map();
              g.strokeStyle = "rgba(29,39,51,.35)"; g.lineWidth = 1;
              g.beginPath();
              points.forEach((p, i) => {
                if (!p.g) return;
                if (!first.has(p.g)) { first.set(p.g, i); return; }
                const j = first.get(p.g);
                g.moveTo(ox + scale * px[j], oy + scale * py[j]); g.lineTo(ox + scale * px[i], oy + scale * py[i]);
              });
              g.stroke();
              points.forEach((p, i) => {
                const x = ox + scale * px[i], y = oy + scale * py[i];
                if (x < -r || y < -r || x > width + r || y > height + r) return;
                g.fillStyle = colours[p.k] || colours.none;
                g.beginPath(); g.arc(x, y, r, 0, 2 * Math.PI); g.fill();
                if (selected.has(p.c)) { g.strokeStyle = "#000"; g.lineWidth = 2; g.beginPath(); g.arc(x, y, r + 3, 0, 2 * Math.PI); g.stroke(); }
              });
              if (box) {
                g.strokeStyle = "#0b5cad"; g.lineWidth = 1; g.setLineDash([4, 3]);
                g.strokeRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0); g.setLineDash([]);
              }
            }
            function nearest(x, y) {
              let best = -1, bestD = 100;
              points.forEach((p, i) => {
                const dx = ox + scale * px[i] - x, dy = oy + scale * py[i] - y, d = dx * dx + dy * dy;
                if (d < bestD) { bestD = d; best = i; }
              });
              return best;
            }
            function publish() {
              if (!into) return;
              into.value = Array.from(selected).join(",");
              if (counter) counter.textContent = String(selected.size);
              into.dispatchEvent(new Event("change", { bubbles: true }));
            }
            function toggle(code) { if (selected.has(code)) selected.delete(code); else selected.add(code); }

            resize();
            const focus = canvas.dataset.focus;
            const focused = focus ? points.map((p, i) => p.p === focus ? i : -1).filter(i => i >= 0) : [];
            fit(focused.length ? focused : points.map((_, i) => i));
            draw();
            window.addEventListener("resize", () => { resize(); draw(); });

            canvas.addEventListener("wheel", e => {
              e.preventDefault();
              const rect = canvas.getBoundingClientRect(), x = e.clientX - rect.left, y = e.clientY - rect.top;
              const factor = e.deltaY < 0 ? 1.25 : 0.8;
              ox = x - (x - ox) * factor; oy = y - (y - oy) * factor; scale *= factor;
              draw();
            }, { passive: false });
            canvas.addEventListener("mousedown", e => {
              const rect = canvas.getBoundingClientRect(), x = e.clientX - rect.left, y = e.clientY - rect.top;
              moved = false;
              if (e.shiftKey && into) { box = { x0: x, y0: y, x1: x, y1: y }; } else { drag = { x, y, ox, oy }; }
            });
            window.addEventListener("mouseup", () => {
              if (box) {
                const [x0, x1] = [Math.min(box.x0, box.x1), Math.max(box.x0, box.x1)], [y0, y1] = [Math.min(box.y0, box.y1), Math.max(box.y0, box.y1)];
                points.forEach((p, i) => {
                  const x = ox + scale * px[i], y = oy + scale * py[i];
                  if (x >= x0 && x <= x1 && y >= y0 && y <= y1) selected.add(p.c);
                });
                box = null; publish(); draw();
              }
              drag = null;
            });
            canvas.addEventListener("mousemove", e => {
              const rect = canvas.getBoundingClientRect(), x = e.clientX - rect.left, y = e.clientY - rect.top;
              if (box) { box.x1 = x; box.y1 = y; moved = true; draw(); return; }
              if (drag) {
                if (Math.abs(x - drag.x) + Math.abs(y - drag.y) > 3) moved = true;
                ox = drag.ox + x - drag.x; oy = drag.oy + y - drag.y; draw(); return;
              }
              const i = nearest(x, y);
              if (!tip) return;
              if (i < 0) { tip.hidden = true; return; }
              const p = points[i];
              tip.textContent = p.n + " (" + p.c + ") · " + p.p + (data.legend[p.k] ? " · " + data.legend[p.k] : "") + (p.g ? " → " + p.g : "");
              tip.hidden = false;
            });
            canvas.addEventListener("click", e => {
              if (moved || !into) return;
              const rect = canvas.getBoundingClientRect();
              const i = nearest(e.clientX - rect.left, e.clientY - rect.top);
              if (i < 0) return;
              toggle(points[i].c); publish(); draw();
            });
            // The table selects too: a checkbox `name="code"` in the selection's own form toggles the same selection,
            // so the form posts one list (the hidden input), the map's and the table's choices together.
            if (into && into.form) {
              into.form.querySelectorAll("input[type=checkbox][name=code]").forEach(tick => {
                if (tick.checked) selected.add(tick.value);
                tick.addEventListener("change", () => { if (tick.checked) selected.add(tick.value); else selected.delete(tick.value); publish(); draw(); });
              });
              publish();
            }
            canvas.mergerMap = { select(codes) { codes.forEach(c => selected.add(c)); publish(); draw(); }, clear() { selected.clear(); publish(); draw(); } };
          }
        })();
        """#

    /// Filter forms (`form[data-autosubmit]`) apply a choice as soon as it is made.
    static let tableScript = #"""
        "use strict";
        document.querySelectorAll("form[data-autosubmit] select").forEach(select => {
          select.addEventListener("change", () => { if (select.form.requestSubmit) select.form.requestSubmit(); else select.form.submit(); });
        });
        """#
}
