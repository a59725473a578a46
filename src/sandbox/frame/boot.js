// The sandbox frame's only script (inlined into frame.html, allowed by its
// hash in the frame's Content-Security-Policy). The frame has an opaque
// origin (sandbox="allow-scripts"), so it cannot load a worker from a URL;
// the page sends the worker's code and a MessagePort, this script starts the
// worker from a blob: URL and hands it the port. After that the page and the
// worker talk directly; this frame only exists to give the worker its origin
// and its CSP.
(() => {
  let started = false;
  addEventListener("message", (event) => {
    if (event.source !== parent || started) return;
    const data = event.data;
    if (!data || data.type !== "start" || typeof data.code !== "string" || !(data.port instanceof MessagePort)) return;
    started = true;
    const url = URL.createObjectURL(new Blob([data.code], { type: "text/javascript" }));
    const worker = new Worker(url, { name: "async-lab-sandbox" });
    worker.postMessage({ type: "connect", port: data.port }, [data.port]);
  });
  parent.postMessage({ type: "sandbox-ready" }, "*");
})();
