import Hummingbird

/// The workbench's own styles and scripts, compiled into the binary: nothing is fetched from elsewhere,
/// and it works with no network. Each script is hand-written and small; every page works as server-rendered forms.
enum Assets {
    /// Every asset by its name under `/assets/`.
    static let all: [String: (type: String, content: String)] = [
        "workbench.css": ("text/css; charset=utf-8", css),
        "workbench.js": ("text/javascript; charset=utf-8", script),
        "map.js": ("text/javascript; charset=utf-8", mapScript),
        "table.js": ("text/javascript; charset=utf-8", tableScript),
    ]

    static let css = """
        :root { --ink: #1d2733; --muted: #5b6b7c; --line: #d6dde5; --accent: #0b5cad; --ok: #1a7f37; --fail: #b42318; --warn: #b54708; --bg: #f7f9fb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
        header.top { display: flex; gap: 1rem; align-items: baseline; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
        header.top .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
        header.top .tagline { color: var(--muted); flex: 1; }
        nav.steps { display: flex; gap: 1rem; align-items: center; padding: .4rem 1.2rem; background: #eef3f8; border-bottom: 1px solid var(--line); }
        nav.steps ol { display: flex; gap: .3rem; list-style: none; margin: 0; padding: 0; counter-reset: step; }
        nav.steps li { counter-increment: step; }
        nav.steps a { display: block; padding: .25rem .7rem; border-radius: 1rem; color: var(--accent); text-decoration: none; }
        nav.steps a::before { content: counter(step) ". "; }
        nav.steps a[aria-current] { background: var(--accent); color: #fff; }
        .workspace-name { font-weight: 600; }
        main { padding: 1rem 1.2rem 2rem; max-width: 1400px; }
        h1 { font-size: 1.4rem; margin: .2rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; }
        table.data { border-collapse: collapse; width: 100%; font-size: 14px; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.data thead th { background: #f0f4f8; position: sticky; top: 0; }
        .stack { display: grid; gap: .6rem; max-width: 40rem; }
        .inline { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; }
        label { display: grid; gap: .2rem; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; display: grid; gap: .6rem; }
        input, select, button { font: inherit; padding: .3rem .5rem; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .4rem .9rem; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        button:disabled { opacity: .5; cursor: default; }
        .error { color: var(--fail); white-space: pre-wrap; background: #fef3f2; border: 1px solid #fecdca; padding: .5rem .7rem; border-radius: 4px; }
        .notice { background: #ecfdf3; border: 1px solid #abefc6; padding: .5rem .7rem; border-radius: 4px; }
        .hint { color: var(--muted); font-size: 13px; margin: 0; }
        .verdict-ok { color: var(--ok); } .verdict-fail { color: var(--fail); } .verdict-warn { color: var(--warn); }
        progress { width: 100%; max-width: 40rem; height: 1.2rem; }
        footer { color: var(--muted); font-size: 13px; padding: 1rem 1.2rem; }
        .map-frame { position: relative; }
        canvas.map { width: 100%; height: 560px; display: block; background: #f3f6f9; border: 1px solid var(--line); border-radius: 6px; cursor: grab; }
        .map-tip { position: absolute; left: .6rem; top: .6rem; background: rgba(255,255,255,.95); border: 1px solid var(--line); border-radius: 4px; padding: .2rem .5rem; font-size: 13px; pointer-events: none; }
        ul.legend, ul.verdicts { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0; }
        .dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .35rem; vertical-align: -1px; }
        .dot.ok { background: #1a7f37; } .dot.fail { background: #b42318; } .dot.warn { background: #dc6803; } .dot.none { background: #667085; }
        .table-frame { max-height: 70vh; overflow: auto; }
        nav.pager { display: flex; gap: 1rem; margin: .5rem 0; }
        iframe.report { width: 100%; height: 80vh; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        """

    /// The shared script: a job's page follows its progress (polling its JSON every second) and opens the
    /// result when it is done. Without script, the page says to reload.
    static let script = """
        "use strict";
        (function () {
          const job = document.getElementById("job");
          if (!job) return;
          const active = (s) => s === "queued" || s === "running";
          if (!active(job.dataset.state)) return;
          async function poll() {
            let status;
            try {
              const response = await fetch(job.dataset.status, { headers: { "Accept": "application/json" }, cache: "no-store" });
              if (!response.ok) return setTimeout(poll, 2000);
              status = await response.json();
            } catch (e) { return setTimeout(poll, 2000); }
            if (!active(status.state)) { window.location.reload(); return; }
            const percent = status.total > 0 ? Math.floor(status.done * 100 / status.total) : 0;
            document.getElementById("job-progress").value = percent;
            const count = document.getElementById("job-count");
            const fmt = new Intl.NumberFormat(document.documentElement.lang);
            const words = job.dataset;
            count.textContent = (words.countTemplate || "{done} / {total}").replace("{done}", fmt.format(status.done)).replace("{total}", fmt.format(status.total));
            const left = document.getElementById("job-left");
            left.textContent = status.secondsLeft == null ? "" : (words.leftTemplate || "{seconds} s").replace("{seconds}", fmt.format(Math.ceil(status.secondsLeft)));
            setTimeout(poll, 1000);
          }
          setTimeout(poll, 500);
        })();
        """

    static func response(_ name: String) -> Response? {
        guard let asset = all[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(string: asset.content)))
    }
}

extension Workbench {
    func registerAssets(_ router: Router<WorkbenchContext>) {
        router.get("assets/:name") { _, context in
            guard let response = Assets.response(context.parameters.get("name") ?? "") else { throw WorkbenchError.notFound }
            return response
        }
    }
}
