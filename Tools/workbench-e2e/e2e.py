#!/usr/bin/env python3
"""The workbench end to end, in a real browser (headless Chromium through selenium 4 and Debian's chromedriver).

Starts `mergersim serve` on a free loopback port with a fresh data folder, then walks the planner's path as a
person would: the start page (a workspace from a bundled scenario, a name that is markup shown as text, the
language switch, a form without its CSRF token refused), then each step of a workspace on Phan Rang and on the
national data. Every page is checked for console errors (a script or style the page policy blocked shows there)
and for requests to anything but the server. Screenshots of each page (1280×900) go to .build/workbench-e2e/, and
with --docs, those the README shows to docs/workbench-*.png.

Exits 1 on any failure, after a closing line `e2e: N passed, N failed`.

    python3 Tools/workbench-e2e/e2e.py                  # Phan Rang and the national data
    python3 Tools/workbench-e2e/e2e.py --only phan-rang # quicker
    python3 Tools/workbench-e2e/e2e.py --docs docs      # and refresh the README's screenshots
"""
import argparse
import csv
import glob
import json
import os
import shutil
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from urllib.parse import urlparse

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tools", "workbench-common"))
from served import Server  # noqa: E402

SIZE = (1280, 900)
# The pages the README shows (docs/workbench-NAME.png): the national path, and the start page in both languages.
DOCS = {"home", "home-vi", "units-national", "units-national-province", "proposal-national", "plan-national-grouped",
        "simulate-national", "job-simulate-national", "results-national", "compare-national"}


class Check:
    """The checks' tally: each failure is printed where it happens, and the run goes on where it can."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def __call__(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed.append(what)
            print(f"FAIL {what}", flush=True)
        return condition


def labels(language):
    """The workbench's words in `language`, from the label tables the server reads (serve*.LANG.json)."""
    words = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "Sources/MergerSimReports/Labels", f"serve*.{language}.json"))):
        with open(path, encoding="utf-8") as file:
            words.update(json.load(file))
    return words


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     f"--window-size={SIZE[0]},{SIZE[1]}", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    # The window's size less its frame would leave a smaller page: the screenshots are of a 1280×900 page.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": SIZE[0], "height": SIZE[1], "deviceScaleFactor": 1, "mobile": False})
    driver.set_page_load_timeout(120)
    return driver


class Walk:
    """One browser walking the workbench, with the checks every page must pass."""

    def __init__(self, server, driver, check, shots, downloads, docs=None):
        self.server = server
        self.docs = docs
        self.driver = driver
        self.check = check
        self.shots = shots
        self.downloads = downloads
        self.en = labels("en")
        self.vi = labels("vi")

    # -- what every page must pass

    def loaded(self, what, refused=False):
        """The page now shown: no console error (a blocked inline script or style is one), no request but to the server.
        A page `refused` on purpose (403, 404) logs its own status; the browser's own ask for /favicon.ico is not the page's."""
        driver = self.driver
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
                  and "/favicon.ico " not in entry["message"]
                  and not (refused and "the server responded with a status of 4" in entry["message"])]
        self.check(not errors, f"{what}: the console is clean ({errors[:3]})")
        origin = urlparse(self.server.base)
        names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        outside = [name for name in names if (urlparse(name).scheme, urlparse(name).netloc) != (origin.scheme, origin.netloc)
                   and not name.startswith("data:")]
        self.check(not outside, f"{what}: nothing is requested but from the server ({outside[:3]})")
        try:
            alert = driver.switch_to.alert
            self.check(False, f"{what}: an alert opened ({alert.text})")
            alert.dismiss()
        except NoAlertPresentException:
            pass

    def open(self, path, what):
        self.driver.get(self.server.base + path)
        self.loaded(what)

    def shot(self, name):
        """The page as a 1280×900 PNG in the screenshots' folder, and in docs/ when the README shows it."""
        if not self.shots:
            return
        os.makedirs(self.shots, exist_ok=True)
        path = os.path.join(self.shots, f"workbench-{name}.png")
        self.driver.save_screenshot(path)
        if name in DOCS and self.docs:
            shutil.copyfile(path, os.path.join(self.docs, f"workbench-{name}.png"))

    def h1(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text.strip()

    def is_not_found(self):
        return self.h1() in (self.en["serve.error.title.404"], self.vi["serve.error.title.404"])

    def submit(self, form, what, refused=False):
        """Submits `form` and waits for the next page."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        form.submit()
        WebDriverWait(self.driver, 120).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        self.loaded(what, refused)

    def workspace_rows(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")

    # -- the start page

    def start_page(self):
        """The start page in English; a workspace from Phan Rang whose name is markup; the language switch; CSRF."""
        self.open("/?lang=en", "the start page")
        check, driver = self.check, self.driver
        check(self.h1() == self.en["serve.home.title"], "the start page's title is in English")
        self.shot("home")
        name = '<script>alert("x")</script><b>Phan Rang</b>'
        workspace = self.new_workspace(name, bundled="phan-rang-2024")
        self.open("/", "the start page with a workspace")
        links = driver.find_elements(By.CSS_SELECTOR, "table.data tbody a")
        check(any(link.text == name for link in links), "a name that is markup shows as text on the start page")
        check(not driver.find_elements(By.CSS_SELECTOR, "table.data tbody b"), "the name's markup made no element")
        # The language switch, and back.
        driver.find_element(By.CSS_SELECTOR, "header a.language").click()
        self.loaded("the start page in Vietnamese")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi", "the switch sets lang=vi")
        check(self.h1() == self.vi["serve.home.title"], "the start page's title is in Vietnamese")
        self.shot("home-vi")
        self.open("/", "the start page after the switch")
        check(self.h1() == self.vi["serve.home.title"], "the language is kept by the cookie")
        driver.find_element(By.CSS_SELECTOR, "header a.language").click()
        self.loaded("the start page back in English")
        check(self.h1() == self.en["serve.home.title"], "the switch back to English")
        self.csrf_refused()
        return workspace

    def new_workspace(self, name, bundled=None, upload=None):
        """Makes a workspace through the start page's form; its id (from the page it leads to)."""
        self.open("/", "the start page")
        form = self.driver.find_element(By.ID, "new-workspace")
        form.find_element(By.NAME, "name").send_keys(name)
        if bundled:
            Select(form.find_element(By.NAME, "bundled")).select_by_value(bundled)
        if upload:
            form.find_element(By.NAME, "units").send_keys(upload)
        self.submit(form, f"the workspace {name!r} made", refused=True)  # the units page it leads to is checked on its own
        path = urlparse(self.driver.current_url).path
        parts = path.split("/")
        self.check(len(parts) >= 3 and parts[1] == "w" and len(parts[2]) == 12, f"a new workspace leads to its page ({path})")
        return parts[2] if len(parts) >= 3 else ""

    def csrf_refused(self):
        """The start page's form with its CSRF field taken out, and a script's POST without the header: 403, nothing made."""
        self.open("/", "the start page")
        before = len(self.workspace_rows())
        driver = self.driver
        form = driver.find_element(By.ID, "new-workspace")
        form.find_element(By.NAME, "name").send_keys("no token")
        Select(form.find_element(By.NAME, "bundled")).select_by_value("phan-rang-2024")
        driver.execute_script("arguments[0].querySelector('input[name=csrf]').remove()", form)
        self.submit(form, "a form without its token", refused=True)
        self.check(self.h1() == self.en["serve.error.title.403"], f"a form without its CSRF token is refused ({self.h1()})")
        status = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const body = new FormData(); body.append("name", "script"); body.append("bundled", "phan-rang-2024");
            fetch("/workspaces", { method: "POST", body }).then(r => done(r.status), e => done(String(e)));""")
        self.check(status == 403, f"a script's POST without the token is refused ({status})")
        driver.get_log("browser")  # the refusal's own console line
        self.open("/", "the start page")
        self.check(len(self.workspace_rows()) == before, "a refused form made no workspace")


    # -- step 1, the units

    def canvas_painted(self, canvas_id):
        """How many of the canvas's pixels a point coloured (waits until the map's script drew, 30 s at most)."""
        script = """const c = document.getElementById(arguments[0]); if (!c || !c.width) return 0;
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && !(d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240)) n++;
            return n;"""
        try:
            return WebDriverWait(self.driver, 30).until(lambda d: d.execute_script(script, canvas_id) or False)
        except TimeoutException:
            return 0

    def choose(self, select_id, text, what):
        """Chooses `text` in the filter `select_id`: the filter applies itself (script), else its button is pressed."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        Select(self.driver.find_element(By.ID, select_id)).select_by_visible_text(text)
        try:
            WebDriverWait(self.driver, 20).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        except TimeoutException:
            self.check(False, f"{what}: the filter applies itself on a choice")
            self.driver.find_element(By.ID, "filter-apply").click()
        self.loaded(what)

    def units(self, workspace, province, name, units_file, located, rules=None):
        """The screening: its table and map, filtered to `province`; `units` units in all, with a place when `located`
        (Phan Rang's file has no lat/lon: its map stays empty)."""
        check, driver = self.check, self.driver
        with open(units_file, encoding="utf-8") as file:
            provinces = [row["province"] for row in csv.DictReader(file)]
        units, in_province = len(provinces), provinces.count(province)
        if rules:
            # The newest rule set may not screen these units; the page must still offer the others.
            self.driver.get(f"{self.server.base}/w/{workspace}/units")
            self.loaded(f"{name}: the units page under the default rules", refused=True)
            check(bool(driver.find_elements(By.ID, "filter-rules")), f"{name}: the units page offers the rule sets ({self.alert_text()[:120]})")
        self.open(f"/w/{workspace}/units" + (f"?rules={rules}" if rules else ""), f"{name}: the units page")
        check(self.h1() == self.en["serve.units.title"], f"{name}: the units page's title ({self.h1()})")
        rows = driver.find_elements(By.CSS_SELECTOR, "#units-table tbody tr")
        check(0 < len(rows) <= 200, f"{name}: the table shows a page of rows ({len(rows)})")
        check(f"{units:,}" in driver.find_element(By.TAG_NAME, "main").text, f"{name}: the page counts {units:,} units")
        if located:
            check(self.canvas_painted("units-map") > 0, f"{name}: the map is drawn")
        self.shot(f"units-{name}")
        self.choose("filter-province", province, f"{name}: the units of {province}")
        cells = [row.find_elements(By.TAG_NAME, "td")[3].text for row in driver.find_elements(By.CSS_SELECTOR, "#units-table tbody tr")]
        check(cells and all(cell == province for cell in cells), f"{name}: the filter keeps {province}'s units only")
        heading = self.en["serve.units.table"].replace("{shown}", f"{in_province:,}")
        headings = [h2.text for h2 in driver.find_elements(By.TAG_NAME, "h2")]
        check(heading in headings, f"{name}: the filter counts {province}'s {in_province:,} units ({headings})")
        if located:
            check(self.canvas_painted("units-map") > 0, f"{name}: the map of {province} is drawn")
        check(driver.find_element(By.ID, "units-map").get_attribute("data-focus") == province, f"{name}: the map zooms to {province}")
        self.shot(f"units-{name}-province")

    # -- jobs (a proposal, a simulation)

    def job_ends(self, what, seconds=900):
        """On a job's page: waits until the job has ended (the page follows it and reloads); its state."""
        self.check(urlparse(self.driver.current_url).path.split("/")[3:4] == ["jobs"], f"{what}: a job's page ({self.driver.current_url})")
        self.shot(f"job-{what.split(':')[0]}")

        def ended(driver):
            try:
                state = driver.find_element(By.ID, "job").get_attribute("data-state")
            except Exception:  # the page is reloading
                return False
            return state if state not in ("queued", "running") else False

        try:
            state = WebDriverWait(self.driver, seconds, poll_frequency=1).until(ended)
        except TimeoutException:
            state = "still running"
        self.loaded(f"{what}: the job's page at its end")
        return state

    # -- step 2, the plan

    def click_a_point(self, canvas_id):
        """Clicks the first point drawn on the map (a coloured pixel); False when none is drawn."""
        found = self.driver.execute_script("""const c = document.getElementById(arguments[0]);
            const g = c.getContext('2d'), d = g.getImageData(0, 0, c.width, c.height).data, r = c.width / c.clientWidth;
            for (let y = 8; y < c.height - 8; y += 2) for (let x = 8; x < c.width - 8; x += 2) {
              const i = (y * c.width + x) * 4;
              if (d[i + 3] > 250 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) return [x / r, y / r, c.clientWidth, c.clientHeight];
            }
            return null;""", canvas_id)
        if not found:
            return False
        x, y, width, height = found
        canvas = self.driver.find_element(By.ID, canvas_id)
        ActionChains(self.driver).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2)).click().perform()
        return True

    def post_button(self, button_id, what):
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.ID, button_id).click()
        WebDriverWait(self.driver, 300).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        self.loaded(what)

    def last_change(self):
        found = self.driver.find_elements(By.CSS_SELECTOR, "#plan-changed p")
        return found[0].text if found else ""

    def plan(self, workspace, name, rules, province, located):
        """Propose under `rules` and take the proposal (on units without lat/lon the proposal must fail with the
        CLI's sentence), group units of `province` by the map (when `located`) and the table, undo and redo, save."""
        check, driver, en = self.check, self.driver, self.en
        self.open(f"/w/{workspace}/plan", f"{name}: the plan page")
        check(self.h1() == en["serve.plan.title"], f"{name}: the plan page's title ({self.h1()})")
        self.shot(f"plan-{name}")
        form = driver.find_element(By.ID, "propose-form")
        Select(form.find_element(By.ID, "propose-rules")).select_by_value(rules)
        self.submit(form, f"{name}: propose")
        state = self.job_ends(f"propose-{name}: the proposal")
        if located:
            check(state == "finished", f"{name}: the proposal finished ({state}: {self.alert_text()})")
            driver.find_element(By.ID, "job-result").click()
            self.loaded(f"{name}: the proposal")
            check(bool(driver.find_elements(By.ID, "proposal-units")), f"{name}: the proposal's new units are shown ({self.alert_text()})")
            number = urllib.parse.parse_qs(urlparse(driver.current_url).query).get("proposal", ["?"])[0]
            self.shot(f"proposal-{name}")
            self.post_button("take-proposal", f"{name}: the proposal taken")
            check(self.last_change() == en["serve.plan.step.proposal"].replace("{number}", number), f"{name}: the proposal is the plan ({self.last_change()})")
        else:
            check(state == "failed", f"{name}: a proposal without lat/lon fails ({state})")
            check("units.csv" in self.alert_text(), f"{name}: the failed proposal says why, naming the file ({self.alert_text()})")
            self.open(f"/w/{workspace}/plan", f"{name}: the plan page")
        # One province's units, grouped by a click on the map and a tick in the table.
        Select(driver.find_element(By.ID, "plan-province")).select_by_visible_text(province)
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "plan-filter-submit").click()
        WebDriverWait(driver, 120).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        self.loaded(f"{name}: the plan of {province}")
        picked = 0
        if located:
            check(self.canvas_painted("plan-map") > 0, f"{name}: the plan's map is drawn")
            if self.click_a_point("plan-map"):
                chosen = driver.find_element(By.ID, "map-selection").get_attribute("value")
                check(len([c for c in chosen.split(",") if c]) == 1, f"{name}: a click on the map selects one unit ({chosen!r})")
                picked += 1 if chosen else 0
        boxes = driver.find_elements(By.CSS_SELECTOR, "#plan-units input[type=checkbox][name=code]")
        chosen = driver.find_element(By.ID, "map-selection").get_attribute("value").split(",")
        for box in boxes:
            if picked >= 2:
                break
            if box.get_attribute("value") not in chosen:
                box.click()
                picked += 1
        check(picked == 2, f"{name}: two units chosen ({picked})")
        driver.find_element(By.ID, "group-name").send_keys("Nhóm thử <b>e2e</b>")
        self.shot(f"plan-{name}-group")
        self.post_button("group-submit", f"{name}: two units grouped")
        grouped = self.last_change()
        prefix = en["serve.plan.step.grouped"].replace("{members}", "2").split("{code}")[0]
        check(grouped.startswith(prefix), f"{name}: the group is the last change ({grouped})")
        check(bool(driver.find_elements(By.CSS_SELECTOR, "#plan-changed-units tbody tr")), f"{name}: the changed units are judged")
        self.shot(f"plan-{name}-grouped")
        self.post_button("plan-undo", f"{name}: undo")
        check(self.last_change() != grouped, f"{name}: undo takes the group back")
        self.post_button("plan-redo", f"{name}: redo")
        check(self.last_change() == grouped, f"{name}: redo makes it again")
        self.post_button("save-submit", f"{name}: the plan saved")
        check(bool(driver.find_elements(By.ID, "plan-saved")), f"{name}: the plan is saved ({self.alert_text()})")
        return True

    # -- steps 3, 4 and 5: simulate, results, compare

    def simulate(self, workspace, name, runs, seed):
        """A simulation of `runs` runs at `seed`, from the form, followed to its results; the run's number."""
        check, driver = self.check, self.driver
        self.open(f"/w/{workspace}/simulate", f"{name}: the simulate page")
        check(self.h1() == self.en["serve.run.title"], f"{name}: the simulate page's title ({self.h1()})")
        form = driver.find_element(By.ID, "simulate-form")
        for field, value in (("sim-transition-runs", str(runs)), ("sim-transition-precision", ""), ("sim-transition-seed", str(seed))):
            element = form.find_element(By.ID, field)
            element.clear()
            if value:
                element.send_keys(value)
        self.shot(f"simulate-{name}")
        self.submit(form, f"{name}: simulate")
        state = self.job_ends(f"simulate-{name}: the simulation")
        check(state == "finished", f"{name}: the simulation finished ({state}: {self.alert_text()})")
        if state != "finished":
            return None
        driver.find_element(By.ID, "job-result").click()
        self.loaded(f"{name}: the run's results")
        number = urlparse(driver.current_url).path.rstrip("/").split("/")[-1]
        check(bool(driver.find_elements(By.CSS_SELECTOR, "#headlines tr")), f"{name}: the run's headline figures")
        check(str(runs) in driver.find_element(By.ID, "run-settings").text, f"{name}: the run's settings say {runs} runs")
        # The national report is 8 MB of HTML: its elements are counted in the page (reading its text through the
        # driver takes minutes).
        elements = driver.execute_script("""const d = document.getElementById('report').contentDocument;
            return d && d.readyState === 'complete' && d.body ? d.body.getElementsByTagName('*').length : 0;""")
        check(elements > 50, f"{name}: the report is shown in the page ({elements} elements)")
        self.shot(f"results-{name}")
        return number

    def workbook(self, workspace, name, number):
        """The run's workbook downloaded by a click, read back: a zip whose workbook lists its sheets, each one there."""
        self.open(f"/w/{workspace}/results/{number}", f"{name}: run {number}")
        self.driver.find_element(By.ID, "download-report-xlsx").click()
        path = os.path.join(self.downloads, f"run-{number}-report.xlsx")
        deadline = time.time() + 60
        while time.time() < deadline and not (os.path.exists(path) and not glob.glob(path + ".crdownload")):
            time.sleep(0.3)
        if not self.check(os.path.exists(path), f"{name}: the workbook is downloaded ({os.listdir(self.downloads)})"):
            return
        with zipfile.ZipFile(path) as book:
            self.check(book.testzip() is None, f"{name}: the workbook reads back whole")
            listing = book.read("xl/workbook.xml").decode("utf-8")
            sheets = re.findall(r'<sheet [^>]*name="([^"]+)"', listing)
            parts = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
            self.check(len(sheets) >= 3 and len(parts) == len(sheets), f"{name}: the workbook's sheets ({sheets})")
        os.remove(path)

    def compare(self, workspace, name, first, second):
        """Two runs picked in the results list and compared: the paired differences."""
        check, driver = self.check, self.driver
        self.open(f"/w/{workspace}/results", f"{name}: the results list")
        check(self.h1() == self.en["serve.results.title"], f"{name}: the results page's title ({self.h1()})")
        for number in (first, second):
            driver.find_element(By.ID, f"pick-run-{number}").click()
        self.shot(f"results-list-{name}")
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "compare-submit").click()
        WebDriverWait(driver, 300).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        self.loaded(f"{name}: the comparison")
        rows = driver.find_elements(By.CSS_SELECTOR, "#comparison tbody tr")
        check(len(rows) > 0, f"{name}: the comparison's rows ({len(rows)}; {self.alert_text()})")
        self.shot(f"compare-{name}")

    def path_after_plan(self, workspace, name, runs):
        first = self.simulate(workspace, name, runs, seed=42)
        second = self.simulate(workspace, name, runs, seed=7)
        if first and second:
            self.compare(workspace, name, first, second)
            self.workbook(workspace, name, first)

    def alert_text(self):
        alerts = self.driver.find_elements(By.CSS_SELECTOR, "[role=alert]")
        return alerts[0].text[:300] if alerts else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/mergersim"))
    parser.add_argument("--only", choices=["phan-rang", "national"], help="walk one scenario only")
    parser.add_argument("--shots", default=os.path.join(ROOT, ".build/workbench-e2e"), help="the folder of every page's screenshot ('' for none)")
    parser.add_argument("--docs", default="", help="the folder to copy the README's screenshots into (docs, to refresh them)")
    options = parser.parse_args()
    if not os.access(options.binary, os.X_OK):
        subprocess.run(["swift", "build", "--product", "mergersim"], cwd=ROOT, check=True)
    check = Check()
    with tempfile.TemporaryDirectory(prefix="workbench-e2e-") as temporary:
        data, downloads = os.path.join(temporary, "data"), os.path.join(temporary, "downloads")
        os.makedirs(downloads)
        server = Server(options.binary, data)
        driver = None
        try:
            driver = browser(downloads)
            walk = Walk(server, driver, check, options.shots, downloads, options.docs)
            walk.start_page()
            if options.only != "national":
                units = os.path.join(ROOT, "scenarios/phan-rang-2024/units.csv")
                phan_rang = walk.new_workspace("Phan Rang (uploaded)", upload=units)
                walk.units(phan_rang, "Ninh Thuận", "phan-rang", units, located=False)
                if walk.plan(phan_rang, "phan-rang", "vn-2023", "Ninh Thuận", located=False):
                    walk.path_after_plan(phan_rang, "phan-rang", runs=50)
            if options.only != "phan-rang":
                units = os.path.join(ROOT, "scenarios/vn-2025/units.csv")
                uploaded = walk.new_workspace("Cả nước (tải lên)", upload=units)
                walk.units(uploaded, "Thành phố Hà Nội", "national-uploaded", units, located=True, rules="vn-2023")
                national = walk.new_workspace("Cả nước 2025", bundled="vn-2025")
                walk.units(national, "Thành phố Hà Nội", "national", units, located=True)
                if walk.plan(national, "national", "vn-2025", "Thành phố Hà Nội", located=True):
                    walk.path_after_plan(national, "national", runs=3)
        except Exception as error:  # a page without the element a step needs: the walk cannot go on
            check(False, f"stopped: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        finally:
            if driver:
                driver.quit()
            server.stop()
    print(f"e2e: {check.passed} passed, {len(check.failed)} failed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
