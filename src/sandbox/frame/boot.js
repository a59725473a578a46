// The sandbox frame's only script (inlined into frame.html, allowed by its
// hash in the frame's Content-Security-Policy). The frame has an opaque
// origin (sandbox="allow-scripts"), so it cannot load a worker from a URL;
// the page sends the worker's code, a MessagePort and the sandbox options,
// this script starts the worker from a blob: URL and hands it the port and
// the options. After that the page and the worker talk directly. The frame
// stays to give the worker its origin and its CSP, and to tell the page
// what the worker cannot: it answers the page's pings while the worker is
// busy (silence means the frame's process died: out of memory), and
// passes on the worker's uncaught errors.
(() => {
  let started = false;
  let reports = 0;
  addEventListener("message", (event) => {
    if (event.source !== parent) return;
    const data = event.data;
    if (!data || typeof data !== "object") return;
    if (data.type === "ping" && typeof data.n === "number") {
      parent.postMessage({ type: "pong", n: data.n }, "*");
      return;
    }
    if (started || data.type !== "start" || typeof data.code !== "string" || !(data.port instanceof MessagePort)) return;
    started = true;
    const o = data.options && typeof data.options === "object" ? data.options : {};
    const options = { stubs: o.stubs !== false, lockdown: o.lockdown !== false };
    const url = URL.createObjectURL(new Blob([data.code], { type: "text/javascript" }));
    const worker = new Worker(url, { name: "async-lab-sandbox" });
    worker.addEventListener("error", (e) => {
      // Handled here: passed on to the page (which logs it and never takes its words as a verdict), not thrown again in the frame.
      e.preventDefault();
      if (reports++ < 20) parent.postMessage({ type: "sandbox-error", message: String(e.message || "an uncaught error").slice(0, 300) }, "*");
    });
    worker.postMessage({ type: "connect", port: data.port, options }, [data.port]);
  });
  parent.postMessage({ type: "sandbox-ready" }, "*");
})();
