/**
 * What every rewriting step shares: the source, the edit list, and the names
 * the generated code uses to reach the runtime host.
 */
import { EditList } from "./edits.ts";
import { SourceText } from "./source-text.ts";

export class TransformContext {
  readonly src: SourceText;
  readonly edits: EditList;
  readonly host: string;

  /**
   * @param host Identifier of the runtime host object in the generated code
   *   (`__al`). Helper bindings the compiler introduces are named `${host}$...`,
   *   a prefix no snippet uses.
   */
  constructor(source: string, host: string) {
    this.host = host;
    this.src = new SourceText(source);
    this.edits = new EditList(this.src);
  }

  /** A compiler-introduced local, e.g. `__al$s` for the super accessor. */
  local(suffix: string): string {
    return `${this.host}$${suffix}`;
  }

  /** Blank a statement or class member that has no runtime meaning, leaving a `;` so the neighbours cannot merge (ASI). */
  erase(start: number, end: number): void {
    this.edits.replace(start, start + 1, ";");
    this.edits.blank(start + 1, end);
  }
}
