/**
 * The explorer page's controller: state (scenario, moved inputs, seed,
 * paths) -> URL fragment, edited scenario file -> loader (errors next to
 * their fields) -> runs in Web Workers (progress, cancel) -> key numbers,
 * targets and figures, redrawn as each scenario's results arrive.
 */
import type { Diagnostic } from "../../../engine/diagnostics.js";
import type { Scenario } from "../../../engine/model/types.js";
import type { Results, ScenarioResult } from "../../../engine/results/types.js";
import { summaryCsv } from "../../../engine/run/outputs/tables.js";
import { CHUNK_SIZE } from "../../../engine/simulate/simulateScenario.js";
import type { Library } from "../library.js";
import { stem, titleOf } from "../library.js";
import { editedFileName, type RunSettings } from "../state/edits.js";
import { diagnosticText, PATHS_FIELD, placeDiagnostics, SEED_FIELD } from "../state/fieldDiagnostics.js";
import { editableInputs, type EditableInput } from "../state/inputs.js";
import { loadBase, loadEdited, type BaseFile } from "../state/loadEdited.js";
import { decodeState, encodeState, UPLOAD_PREFIX } from "../state/urlState.js";
import { comparedScenarios, comparisonJobs } from "./comparison.js";
import { InputControls, type ControlChange } from "./controls.js";
import { byId, el } from "./dom.js";
import { download, svgFileText } from "./downloads.js";
import { pageManifest } from "./manifest.js";
import { comparisonFigure, editedFigures, keyNumbersTable, showFigure, targetsTable, type PageFigures } from "./results.js";
import { RunCancelled, Runner } from "./runner.js";
import { showFieldErrors, showProgress, showStatus, workers } from "./status.js";
import { formatCount } from "../../../engine/format/count.js";

export const DEFAULT_PATHS = 5000;
/** From this many paths a run first shows its first chunk as a preview. */
const PREVIEW_FROM = 4 * CHUNK_SIZE;
export const MAX_PATHS = 1_000_000;
const DEBOUNCE_MS = 250;

interface Explored {
  base: BaseFile;
  scenario: Scenario;
  inputs: EditableInput[];
}

export class ExplorerApp {
  private explored?: Explored;
  private edits = new Map<string, number>();
  private run: RunSettings = { seed: "2025", paths: DEFAULT_PATHS };
  private controls?: InputControls;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runId = 0;
  private editedText = "";
  private editedName = "";
  private lastEdited?: ScenarioResult;
  private figures: PageFigures = {};
  /** results of scenarios as their files have them, by file name, seed and paths */
  private readonly cache = new Map<string, ScenarioResult>();
  private readonly started = performance.now();
  private firstChart = false;

  constructor(
    private readonly library: Library,
    private readonly runner: Runner,
  ) {}

  async start(): Promise<void> {
    this.fillPicker();
    this.wire();
    await this.fromHash(location.hash);
    window.addEventListener("hashchange", () => void this.fromHash(location.hash));
  }

  // ---- state in and out of the URL ----

  private async fromHash(hash: string): Promise<void> {
    const { state, problems } = decodeState(hash);
    const notes = [...problems];
    let fileName = this.library.offered[0];
    if (state.scenario?.startsWith(UPLOAD_PREFIX))
      notes.push(`the link was made with an uploaded file (${state.scenario.slice(UPLOAD_PREFIX.length)}): load it again with "Load a scenario file"`);
    else if (state.scenario) {
      const named = this.library.offered.find((f) => stem(f) === state.scenario);
      if (named) fileName = named;
      else notes.push(`the link names a scenario this page does not ship: ${state.scenario}`);
    }
    await this.explore({ fileName }, state.seed, state.paths);
    for (const [key, value] of state.edits) {
      if (this.controls?.has(key)) {
        this.edits.set(key, value);
        this.controls.set(key, value);
      } else notes.push(`the link moves an input this scenario does not have: ${key}`);
    }
    this.showNotes(notes);
    this.writeHash();
    this.runNow();
  }

  private writeHash(): void {
    if (!this.explored) return;
    const scenario = this.explored.base.upload !== undefined ? UPLOAD_PREFIX + this.explored.base.fileName : stem(this.explored.base.fileName);
    const hash = encodeState({ scenario, seed: this.run.seed, paths: this.run.paths, edits: this.edits });
    history.replaceState(null, "", hash);
    byId<HTMLAnchorElement>("view-link").href = hash;
  }

  private showNotes(notes: string[]): void {
    byId("notes").replaceChildren(...notes.map((n) => el("p", {}, `Note: ${n}.`)));
  }

  // ---- the scenario explored ----

  private fillPicker(): void {
    const picker = byId<HTMLSelectElement>("scenario");
    picker.replaceChildren(...this.library.offered.map((f) => el("option", { value: f }, titleOf(this.library.files[f]) ?? f)));
  }

  /** Load a base file; on success build its controls (edits cleared). Returns whether it loaded, and its diagnostics (errors, or warnings). */
  private async explore(base: BaseFile, seed?: string, paths?: number): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
    const r = await loadBase(this.library, base);
    if (!r.ok) return { ok: false, diagnostics: r.diagnostics };
    const scenario = r.loaded.scenario;
    this.explored = { base, scenario, inputs: editableInputs(scenario) };
    this.edits = new Map();
    this.run = { seed: seed ?? String(scenario.simulation.seed ?? "2025"), paths: paths ?? DEFAULT_PATHS };
    byId<HTMLInputElement>("seed").value = this.run.seed;
    byId<HTMLInputElement>("paths").value = String(this.run.paths);
    showFieldErrors(SEED_FIELD, []);
    showFieldErrors(PATHS_FIELD, []);
    const picker = byId<HTMLSelectElement>("scenario");
    picker.querySelector("option[data-upload]")?.remove();
    if (base.upload !== undefined) picker.append(el("option", { value: UPLOAD_PREFIX + base.fileName, "data-upload": "true" }, `${base.fileName} (uploaded)`));
    picker.value = base.upload !== undefined ? UPLOAD_PREFIX + base.fileName : base.fileName;
    byId("scenario-description").textContent = scenario.description?.en ?? "";
    this.controls = new InputControls(byId("inputs"), this.explored.inputs, this.edits, (c) => this.onControl(c));
    // the summary CSV is the explored scenario's: none until its first run ends
    this.lastEdited = undefined;
    byId<HTMLButtonElement>("download-csv").disabled = true;
    return { ok: true, diagnostics: r.loaded.warnings };
  }

  private wire(): void {
    byId<HTMLSelectElement>("scenario").addEventListener("change", async (e) => {
      const value = (e.target as HTMLSelectElement).value;
      if (value.startsWith(UPLOAD_PREFIX)) return;
      byId("upload-errors").replaceChildren();
      await this.explore({ fileName: value }, this.run.seed, this.run.paths);
      this.writeHash();
      this.runNow();
    });
    byId<HTMLInputElement>("upload").addEventListener("change", (e) => void this.onUpload(e.target as HTMLInputElement));
    byId<HTMLInputElement>("seed").addEventListener("input", (e) => this.onSeed((e.target as HTMLInputElement).value));
    byId<HTMLInputElement>("paths").addEventListener("input", (e) => this.onPaths((e.target as HTMLInputElement).value));
    byId("cancel").addEventListener("click", () => this.cancel());
    byId("rerun").addEventListener("click", () => this.runNow());
    byId("reset-all").addEventListener("click", () => {
      for (const key of this.edits.keys()) this.controls?.set(key, undefined);
      this.edits.clear();
      this.changed();
    });
    byId("download-scenario").addEventListener("click", () => download(this.editedName, this.editedText, "application/json"));
    byId("download-csv").addEventListener("click", () => this.downloadCsv());
    for (const [id, key] of [
      ["download-fan", "fan"],
      ["download-targets", "targets"],
      ["download-comparison", "comparison"],
    ] as const) {
      byId(id).addEventListener("click", () => {
        const f = this.figures[key];
        if (f) download(`${f.name}.svg`, svgFileText(f.svg), "image/svg+xml");
      });
    }
  }

  private async onUpload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const box = byId("upload-errors");
    if (!file) return;
    const text = await file.text();
    // cleared, so that choosing the same file again (after fixing it) is a change too
    input.value = "";
    const { ok, diagnostics } = await this.explore({ fileName: file.name, upload: text }, this.run.seed, this.run.paths);
    input.setAttribute("aria-invalid", ok ? "false" : "true");
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.length - errors;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
    const heading = ok ? `${file.name} loaded, with ${plural(warnings, "warning")}` : `${file.name} was not loaded: ${plural(errors, "error")}`;
    box.replaceChildren(
      ...(diagnostics.length > 0
        ? [el("p", {}, `${heading} (as \`marketfutures validate\` reports them, reading the file beside the shipped scenarios):`)]
        : []),
      ...diagnostics.map((d) => el("pre", { className: `diagnostic ${d.severity}` }, diagnosticText(d))),
    );
    if (!ok) return;
    this.writeHash();
    this.runNow();
  }

  // ---- inputs ----

  private onControl(c: ControlChange): void {
    if (c.value === undefined) this.edits.delete(c.key);
    else this.edits.set(c.key, c.value);
    this.changed();
  }

  private onSeed(text: string): void {
    const seed = text.trim();
    if (seed === "") return showFieldErrors(SEED_FIELD, [], "enter a seed (a whole number or any text)");
    this.run = { ...this.run, seed };
    this.changed();
  }

  private onPaths(text: string): void {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n)) return showFieldErrors(PATHS_FIELD, [], "enter a number of paths");
    if (n > MAX_PATHS) return showFieldErrors(PATHS_FIELD, [], `at most ${formatCount(MAX_PATHS)} paths in the browser (the CLI has no limit)`);
    this.run = { ...this.run, paths: n };
    this.changed();
  }

  private changed(): void {
    this.writeHash();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runNow(), DEBOUNCE_MS);
  }

  // ---- running ----

  private cancel(): void {
    this.runId++;
    this.runner.cancel();
    showStatus("Cancelled. Move an input or press Run to run again.", false);
  }

  private runNow(): void {
    clearTimeout(this.timer);
    void this.runEdited();
  }

  private async runEdited(): Promise<void> {
    const explored = this.explored;
    if (!explored) return;
    const id = ++this.runId;
    const { edited, text, result } = await loadEdited(this.library, explored.base, explored.scenario, explored.inputs, this.edits, this.run);
    if (id !== this.runId) return;
    this.editedText = text;
    this.editedName = edited.fileName;
    const placed = placeDiagnostics(result.ok ? result.loaded.warnings : result.diagnostics, edited.fileName, edited.paths);
    this.controls?.setErrors(placed.byField);
    showFieldErrors(SEED_FIELD, placed.byField.get(SEED_FIELD) ?? []);
    showFieldErrors(PATHS_FIELD, placed.byField.get(PATHS_FIELD) ?? []);
    byId("general-errors").replaceChildren(...placed.general.map((d) => el("pre", { className: `diagnostic ${d.severity}` }, diagnosticText(d))));
    if (!result.ok) {
      this.runner.cancel();
      byId("results").classList.add("stale");
      showStatus(
        `Not run: ${edited.fileName} has ${result.diagnostics.filter((d) => d.severity === "error").length} error(s), shown next to the inputs. The figures show the last valid inputs.`,
        false,
      );
      return;
    }
    const scenario = result.loaded.scenario;
    const seed = String(scenario.simulation.seed);
    const paths = scenario.simulation.paths ?? DEFAULT_PATHS;
    const t0 = performance.now();
    showStatus(`Running ${scenario.title.en}…`, true);
    const onProgress = (done: number, total: number) => id === this.runId && showProgress(done, total);
    let res: ScenarioResult;
    try {
      // A long run shows its first chunk first: the same numbers as `run --paths 2048`, marked as a preview.
      if (paths >= PREVIEW_FROM) {
        const preview = await this.runner.run({ scenario, fileName: edited.fileName, seed, paths: CHUNK_SIZE });
        if (id !== this.runId) return;
        this.drawEdited(this.results([preview], 0), preview, true);
        showStatus(`Preview from the first ${formatCount(CHUNK_SIZE)} paths; running all ${formatCount(paths)}…`, true);
      }
      res = await this.runner.run({ scenario, fileName: edited.fileName, seed, paths, onProgress });
    } catch (err) {
      if (err instanceof RunCancelled) return;
      showStatus(`The run failed: ${err instanceof Error ? err.message : String(err)}`, false);
      return;
    }
    if (id !== this.runId) return;
    const seconds = (performance.now() - t0) / 1000;
    byId("results").classList.remove("stale");
    const results = this.results([res], seconds);
    this.drawEdited(results, res);
    showStatus(`${formatCount(res.paths)} paths in ${seconds.toFixed(1)} s on ${workers(this.runner.threads)}. Comparing with the other scenarios…`, true);
    await this.runComparisons(id, explored, res, seconds);
  }

  private async runComparisons(id: number, explored: Explored, edited: ScenarioResult, seconds: number): Promise<void> {
    const { seed, paths } = edited;
    const jobs = comparisonJobs(this.library.offered, explored.base, this.edits.size > 0, seed, paths);
    const draw = () => {
      this.figures.comparison = comparisonFigure(this.results(comparedScenarios(edited, jobs, this.cache), seconds));
      showFigure(byId("fig-comparison"), this.figures.comparison, "");
      const asShipped = jobs.find((j) => j.asInFile);
      byId("key-numbers").replaceChildren(keyNumbersTable(this.results([edited], seconds), edited, asShipped && this.cache.get(asShipped.key)));
    };
    draw();
    for (const j of jobs) {
      if (this.cache.has(j.key)) continue;
      const loaded = await loadBase(this.library, j.base);
      if (id !== this.runId) return;
      if (!loaded.ok) continue;
      try {
        this.cache.set(
          j.key,
          await this.runner.enqueue({
            scenario: loaded.loaded.scenario,
            fileName: j.base.fileName,
            seed,
            paths,
            onProgress: (done, total) => id === this.runId && showProgress(done, total),
          }),
        );
      } catch (err) {
        if (!(err instanceof RunCancelled))
          showStatus(`The comparison with ${j.base.fileName} failed: ${err instanceof Error ? err.message : String(err)}`, false);
        return;
      }
      if (id !== this.runId) return;
      draw();
    }
    showStatus(`${formatCount(paths)} paths, seed ${seed}: ${seconds.toFixed(1)} s for ${edited.title.en}, on ${workers(this.runner.threads)}.`, false);
  }

  private results(scenarios: ScenarioResult[], seconds: number): Results {
    const first = scenarios[0];
    return { manifest: pageManifest(this.library.version, first.seed, first.paths, this.runner.threads, seconds, [this.editedName]), scenarios };
  }

  private drawEdited(results: Results, edited: ScenarioResult, preview = false): void {
    byId("results").classList.toggle("preview", preview);
    const figures = editedFigures(results, edited);
    this.figures = { ...this.figures, ...figures };
    if (!figures.targets) delete this.figures.targets;
    showFigure(byId("fig-fan"), figures.fan, "");
    showFigure(byId("fig-targets"), figures.targets, "This scenario states no targets.");
    byId("targets").replaceChildren(targetsTable(edited));
    byId("key-numbers").replaceChildren(keyNumbersTable(results, edited));
    for (const id of ["download-csv", "download-fan", "download-targets", "download-comparison"]) byId<HTMLButtonElement>(id).disabled = false;
    byId<HTMLButtonElement>("download-targets").disabled = !figures.targets;
    // the summary CSV is the full run's (a preview's would not match `run --paths N`)
    byId<HTMLButtonElement>("download-csv").disabled = preview;
    if (!this.firstChart) {
      this.firstChart = true;
      // from the start of navigation (performance.now()'s origin): what the user waits for
      document.body.dataset.firstChartMs = String(Math.round(performance.now()));
      document.body.dataset.appStartMs = String(Math.round(this.started));
    }
    if (preview) return;
    this.lastEdited = edited;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? "0") + 1);
  }

  private downloadCsv(): void {
    if (!this.lastEdited) return;
    const csv = summaryCsv(this.results([this.lastEdited], 0));
    download(`${stem(editedFileName(this.explored?.base.fileName ?? "scenario.json"))}-summary.csv`, csv, "text/csv");
  }
}
