/**
 * The editor: Monaco with the runtime's types, so completion and hover show
 * the doc comments of `asyncio`, `aiohttp`... (each names its Python
 * counterpart). One factory, one typed handle; loaded lazily by CodeView on
 * the first Edit, never needed to Run.
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/hover/register";
// The suggest widget itself: features/suggest/register only brings inline
// suggestions in 0.57, so without this Ctrl+Space and "asyncio." offered nothing.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/suggest/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/languages/definitions/typescript/register";
import {
  type Diagnostic,
  getTypeScriptWorker,
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
  typescriptDefaults,
} from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import snippetTypes from "virtual:async-lab/snippet-types";
import type { MarkKind } from "./code-view.ts";

/** A type error the editor's TypeScript service found (lines and columns 1-based). */
export interface TypeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** TypeScript's error number (2345 for "TS2345"). */
  readonly code: number;
}

/** What a playground can do with its editor. */
export interface EditorHandle {
  /** The type errors of the code now, as the squiggles show them. */
  typeProblems(): Promise<TypeProblem[]>;
  getValue(): string;
  setValue(code: string): void;
  focus(): void;
  /** Puts the cursor at a line and column (1-based), scrolled into view. */
  setCursor(line: number, column: number): void;
  showLine(line: number, column: number, kind: MarkKind): void;
  markError(line: number, column: number, message: string): void;
  markCurrent(line: number | null): void;
  clearMarks(): void;
  dispose(): void;
}

export interface EditorOptions {
  value: string;
  onChange(value: string): void;
  onRun(): void;
}

let configured = false;
let models = 0;

function configure(): void {
  if (configured) return;
  configured = true;
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker()),
  };
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    lib: ["lib.es2022.d.ts", "lib.esnext.disposable.d.ts"],
  });
  typescriptDefaults.addExtraLib(snippetTypes, "file:///node_modules/@types/async-lab/index.d.ts");
  typescriptDefaults.addExtraLib('import "al:snippet-globals";', "file:///node_modules/@types/async-lab/globals.d.ts");
  monaco.editor.defineTheme("al-dark", { base: "vs-dark", inherit: true, rules: [], colors: { "editor.background": "#011627" } });
}

type TsWorker = Awaited<ReturnType<Awaited<ReturnType<typeof getTypeScriptWorker>>>>;

const pause = (ms: number) => new Promise<null>((done) => setTimeout(() => done(null), ms));

/**
 * The TypeScript service's worker, synced with `uri`. Asked too soon after
 * the first editor opens, Monaco refuses ("TypeScript not registered!": its
 * TypeScript mode sets itself up a moment after the editor), and a request
 * to a worker Monaco restarts (our compiler options and libraries change it
 * once) never settles. So: a few tries, each given 3 s, a short pause
 * between them.
 */
async function tsWorker(uri: monaco.Uri): Promise<TsWorker> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const worker = await Promise.race([
      getTypeScriptWorker()
        .then((get) => get(uri))
        .then(
          (w) => ({ w }),
          () => null,
        ),
      pause(3000),
    ]);
    if (worker !== null) return worker.w;
    await pause(250 * (attempt + 1));
  }
  throw new Error("the TypeScript service did not answer");
}

let overflow: HTMLElement | null = null;

/** One layer for every editor's hovers and suggestions, on top of the page (it needs Monaco's class for Monaco's styles). */
function overflowLayer(): HTMLElement {
  if (overflow?.isConnected) return overflow;
  overflow = document.createElement("div");
  overflow.className = "monaco-editor al-monaco-overflow";
  document.body.append(overflow);
  return overflow;
}

function theme(): string {
  return document.documentElement.dataset.theme === "light" ? "vs" : "al-dark";
}

/** Creates the editor inside `host`. */
export async function createEditor(host: HTMLElement, options: EditorOptions): Promise<EditorHandle> {
  configure();
  const model = monaco.editor.createModel(options.value, "typescript", monaco.Uri.parse(`file:///snippet-${++models}.ts`));
  const editor = monaco.editor.create(host, {
    model,
    // Hovers and the suggest list live in a layer of their own above the
    // page, so the lesson's "On this page" column cannot cover them.
    overflowWidgetsDomNode: overflowLayer(),
    fixedOverflowWidgets: true,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    // The dimmed number of an empty last line is below 4.5:1 contrast in the light theme.
    renderFinalNewline: "on",
    fontSize: document.documentElement.classList.contains("al-presenter") ? 20 : 14,
    tabSize: 2,
    theme: theme(),
    ariaLabel: "Code editor. Press Control+Enter to run.",
    accessibilitySupport: "auto",
  });
  const themeWatch = new MutationObserver(() => monaco.editor.setTheme(theme()));
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class"] });
  const resize = () => {
    const lines = Math.min(Math.max(model.getLineCount(), 6), 40);
    host.style.height = `${lines * editor.getOption(monaco.editor.EditorOption.lineHeight) + 16}px`;
  };
  resize();
  editor.onDidChangeModelContent(() => {
    resize();
    options.onChange(model.getValue());
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());
  let currentDecorations = editor.createDecorationsCollection();
  let markDecorations = editor.createDecorationsCollection();

  const lineDecoration = (line: number, className: string) => ({
    range: new monaco.Range(line, 1, line, 1),
    options: { isWholeLine: true, className, linesDecorationsClassName: `${className}-gutter` },
  });

  // The TypeScript service starts in its own worker, a moment after the
  // editor: a "." typed before it answers offers nothing, and no later
  // keystroke brings that list back. So once it answers, a cursor right after
  // a "." gets its list; and the host says the types are ready (data-types).
  tsWorker(model.uri).then(
      () => {
        host.dataset.types = "ready";
        const at = editor.getPosition();
        if (!at || !editor.hasTextFocus()) return;
        if (model.getValueInRange(new monaco.Range(at.lineNumber, Math.max(1, at.column - 1), at.lineNumber, at.column)) === ".") editor.trigger("types-ready", "editor.action.triggerSuggest", {});
      },
      () => (host.dataset.types = "failed"),
    );

  return {
    async typeProblems() {
      const worker = await tsWorker(model.uri);
      const file = model.uri.toString();
      const found = [...(await worker.getSyntacticDiagnostics(file)), ...(await worker.getSemanticDiagnostics(file))];
      return found
        .filter((d) => d.category === 1)
        .map((d) => {
          const at = model.getPositionAt(d.start ?? 0);
          return { line: at.lineNumber, column: at.column, message: flatten(d.messageText), code: d.code };
        })
        .sort((a, b) => a.line - b.line || a.column - b.column);
    },
    getValue: () => model.getValue(),
    setValue: (code) => {
      if (code !== model.getValue()) model.setValue(code);
    },
    focus: () => editor.focus(),
    setCursor(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
    },
    showLine(line, column, kind) {
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.setPosition({ lineNumber: line, column: column + 1 });
      if (kind === "error") markDecorations.set([lineDecoration(line, "al-mark-error")]);
      else currentDecorations.set([lineDecoration(line, "al-mark-current")]);
      editor.focus();
    },
    markError(line, column, message) {
      monaco.editor.setModelMarkers(model, "async-lab", [
        { startLineNumber: line, startColumn: column + 1, endLineNumber: line, endColumn: model.getLineMaxColumn(line), message, severity: monaco.MarkerSeverity.Error },
      ]);
      markDecorations.set([lineDecoration(line, "al-mark-error")]);
    },
    markCurrent(line) {
      currentDecorations.set(line === null ? [] : [lineDecoration(line, "al-mark-current")]);
      if (line !== null) editor.revealLineInCenterIfOutsideViewport(line);
    },
    clearMarks() {
      monaco.editor.setModelMarkers(model, "async-lab", []);
      markDecorations.clear();
      currentDecorations.clear();
    },
    dispose() {
      themeWatch.disconnect();
      currentDecorations = editor.createDecorationsCollection();
      markDecorations = editor.createDecorationsCollection();
      editor.dispose();
      model.dispose();
    },
  };
}

/** A diagnostic's message, its chain of causes joined as TypeScript prints them (first line, then indented details). */
function flatten(m: Diagnostic["messageText"], depth = 0): string {
  if (typeof m === "string") return m;
  const own = `${"  ".repeat(depth)}${m.messageText}`;
  return [own, ...(m.next ?? []).map((n) => flatten(n, depth + 1))].join("\n");
}
