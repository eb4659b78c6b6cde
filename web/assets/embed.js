// llmdoctor embed loader. A docs page adds one tag where the tool should appear:
//
//   <script src="https://HOST/PATH/embed.js" data-lang="zh" data-tool="claude-code" async></script>
//
// and gets an iframe of the page beside this file (HOST/PATH/?embed=1: compact, no header or
// footer) that takes its content's height. Options, all optional: data-lang (en | zh),
// data-tool (an example id or a tool: claude-code, qwen-code, codex, openclaw, ...; its example
// is loaded), data-height (pixels before the page reports its own), data-title.
//
// The frame gets no more than it needs: sandbox="allow-scripts allow-same-origin" (its own origin,
// so it can load its files; no popups, forms, top navigation), allow="clipboard-write" (the copy
// buttons), referrerpolicy="no-referrer" (it is not told which docs page it is on). It posts its
// height to this page's origin only (web/assets/boot.js); this loader takes a message only from
// that frame's own window and origin, and only a number.
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const src = new URL("./", script.src);
  src.searchParams.set("embed", "1");
  for (const key of ["lang", "tool"]) {
    const value = script.dataset[key];
    if (value) src.searchParams.set(key, value);
  }
  src.searchParams.set("origin", location.origin);

  const frame = document.createElement("iframe");
  frame.src = src.href;
  frame.title = script.dataset.title || "llmdoctor";
  frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
  frame.setAttribute("allow", "clipboard-write");
  frame.referrerPolicy = "no-referrer";
  frame.className = "llmdoctor-embed";
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = (Number(script.dataset.height) || 420) + "px";
  script.after(frame);

  addEventListener("message", (event) => {
    if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
    const data = event.data;
    if (!data || data.type !== "llmdoctor:height" || !Number.isFinite(data.height)) return;
    frame.style.height = Math.min(Math.max(Math.ceil(data.height), 80), 20000) + "px";
  });
})();
