// Placement panel script. The extension renders the (escaped) HTML; this only swaps it in, so the
// panel keeps its scroll position instead of reloading on every manifest edit.
(function () {
  const root = document.getElementById('root');
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'render' && typeof msg.html === 'string') {
      root.innerHTML = msg.html;
    }
  });
  acquireVsCodeApi().postMessage({ type: 'ready' });
})();
