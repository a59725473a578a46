/**
 * `<al-after-run data-for="greeters">`: opens its answer once the
 * playground it belongs to has run (the playground's `al-run` event bubbles
 * to the document), and relabels itself: the learner saw the run, now the
 * explanation.
 */
class AfterRunElement extends HTMLElement {
  connectedCallback(): void {
    document.addEventListener("al-run", this.onRun);
  }

  disconnectedCallback(): void {
    document.removeEventListener("al-run", this.onRun);
  }

  private readonly onRun = (e: Event): void => {
    const pg = e.target as HTMLElement | null;
    if (pg?.dataset.id !== this.dataset.for) return;
    const details = this.querySelector("details");
    if (!details || details.open) return;
    details.open = true;
    const label = this.querySelector("[data-role=label]");
    if (label) label.textContent = "What happened";
  };
}

if (!customElements.get("al-after-run")) customElements.define("al-after-run", AfterRunElement);
