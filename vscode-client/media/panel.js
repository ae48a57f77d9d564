// Placement panel script. The extension renders the (escaped) HTML; this swaps it in, so the panel
// keeps its scroll position instead of reloading on every manifest edit, and adds what needs no
// server: the node-name filter, "Show all" for long groups, and keeping the groups the user opened
// or closed (and the filter) across refreshes and across the webview being hidden and shown.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const filter = document.getElementById('filter');
  const filterInfo = document.getElementById('filter-info');
  const toolbar = document.getElementById('toolbar');
  const saved = vscode.getState() || {};
  /** group key -> true (opened) / false (closed), only for groups the user toggled. */
  const toggled = saved.toggled || {};
  /** group keys whose every node is listed. */
  const showAll = new Set(saved.showAll || []);
  filter.value = saved.filter || '';

  function save() {
    vscode.setState({ toggled, showAll: [...showAll], filter: filter.value });
  }

  /** Shows, per group, the nodes matching the filter (the first `shown` of them), and the counts. */
  function apply() {
    const query = filter.value.trim().toLowerCase();
    let matchedNodes = 0;
    const groups = root.querySelectorAll('details.group');
    toolbar.hidden = groups.length === 0;
    for (const section of root.querySelectorAll('section.daemonset')) {
      let sectionMatches = 0;
      for (const group of section.querySelectorAll('details.group')) {
        const key = group.dataset.group;
        const nodes = group.querySelectorAll('li.node');
        const cap = showAll.has(key) ? Infinity : Number(group.dataset.cap || 200);
        let matches = 0;
        for (const li of nodes) {
          const hit = query === '' || li.dataset.node.toLowerCase().includes(query);
          if (hit) {
            matches++;
          }
          const hide = !hit || matches > cap;
          if (li.hidden !== hide) {
            li.hidden = hide;
          }
        }
        sectionMatches += matches;
        group.hidden = matches === 0;
        const count = group.querySelector('.count');
        const total = Number(count.dataset.total);
        const nodesWord = (n) => `${n.toLocaleString('en-US')} node${n === 1 ? '' : 's'}`;
        count.textContent = query === '' ? `· ${nodesWord(total)}` : `· ${matches.toLocaleString('en-US')} of ${nodesWord(total)}`;
        const more = group.querySelector('.more');
        if (more) {
          more.hidden = matches <= cap;
          const shown = more.querySelector('.shown');
          if (shown) {
            shown.textContent = Math.min(matches, cap).toLocaleString('en-US');
          }
          const of = more.querySelector('.of');
          if (of) {
            of.textContent = matches.toLocaleString('en-US');
          }
        }
        if (key in toggled) {
          group.open = toggled[key];
        } else if (query !== '') {
          // Filtering: open the groups with a few hits so they are seen without a click.
          group.open = matches <= 20;
        } else {
          group.open = group.dataset.open === 'true';
        }
      }
      const none = section.querySelector('.no-match');
      if (none) {
        none.hidden = sectionMatches > 0 || section.querySelectorAll('details.group').length === 0;
      }
      matchedNodes += sectionMatches;
    }
    filterInfo.textContent = query === '' ? '' : `${matchedNodes.toLocaleString('en-US')} matching`;
  }

  function render(html) {
    root.innerHTML = html;
    // Remember the server-side default (open for small groups) before apply() changes `open`.
    for (const group of root.querySelectorAll('details.group')) {
      group.dataset.open = String(group.open);
    }
    apply();
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'render' && typeof msg.html === 'string') {
      render(msg.html);
    }
  });
  // 5,000 nodes take a moment to filter: wait for a pause in typing.
  let typing;
  filter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      apply();
      save();
    }, 150);
  });
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && filter.value !== '') {
      filter.value = '';
      apply();
      save();
    }
  });
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    // A click on a group's header (also Enter or Space on it) opens or closes it after this
    // handler: remember the user's choice, so refreshes and the filter leave it alone.
    const summary = target && target.closest('details.group > summary');
    if (summary) {
      const group = summary.parentElement;
      toggled[group.dataset.group] = !group.open;
      save();
      return;
    }
    const button = target && target.closest('button.show-all');
    const group = button && button.closest('details.group');
    if (group) {
      showAll.add(group.dataset.group);
      apply();
      save();
    }
  });
  render(root.innerHTML);
  vscode.postMessage({ type: 'ready' });
})();
