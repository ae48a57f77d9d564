// Fleet panel script. The extension renders the (escaped) HTML; this swaps it in, so the panel keeps
// its scroll position on every refresh, and hands two clicks back to the extension: Refresh, and a
// DaemonSet's name, which opens its file at its line.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const refresh = document.getElementById('refresh');
  const refreshState = document.getElementById('refresh-state');

  function refreshed() {
    refresh.disabled = false;
    refreshState.textContent = `Updated ${new Date().toLocaleTimeString()}`;
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'render' && typeof msg.html === 'string') {
      root.innerHTML = msg.html;
      refreshed();
    } else if (msg && msg.type === 'unchanged') {
      // The server's answer is the one already shown: keep the page (and the focus) as it is.
      refreshed();
    }
  });
  refresh.addEventListener('click', () => {
    refresh.disabled = true;
    refreshState.textContent = 'Refreshing…';
    vscode.postMessage({ type: 'refresh' });
  });
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const open = target && target.closest('button.open-daemonset');
    if (open) {
      vscode.postMessage({ type: 'open', uri: open.dataset.uri, file: open.dataset.file, line: Number(open.dataset.line) });
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
