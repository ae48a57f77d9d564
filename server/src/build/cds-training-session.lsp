Content-Length: 303

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"textDocument":{"completion":{"completionItem":{"snippetSupport":true}},"hover":{"contentFormat":["markdown","plaintext"]}}},"initializationOptions":{"settings":{"dsls":{"checks":{"disabled":[]}}}}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 627

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///training/ds.yaml","languageId":"yaml","version":1,"text":"apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: demo\nspec:\n  selector:\n    matchLabels:\n      app: demo\n  template:\n    metadata:\n      labels:\n        app: demo\n    spec:\n      nodeSelector:\n        gpu: yes\n      tolerations:\n      - operator: Exists\n      containers:\n      - name: demo\n        image: busybox\n        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n        ports:\n        - containerPort: 80\n          hostPort: 80\n"}}}Content-Length: 157

{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///training/ds.yaml"},"position":{"line":19,"character":8}}}Content-Length: 151

{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///training/ds.yaml"},"position":{"line":5,"character":4}}}Content-Length: 118

{"jsonrpc":"2.0","id":4,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"file:///training/ds.yaml"}}}Content-Length: 124

{"jsonrpc":"2.0","id":5,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///training/ds.yaml"}}}Content-Length: 240

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///training/ds.yaml","version":2},"contentChanges":[{"range":{"start":{"line":14,"character":13},"end":{"line":14,"character":16}},"text":"\"yes\""}]}}Content-Length: 227

{"jsonrpc":"2.0","id":6,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///training/ds.yaml"},"range":{"start":{"line":14,"character":13},"end":{"line":14,"character":16}},"context":{"diagnostics":[]}}}Content-Length: 122

{"jsonrpc":"2.0","id":7,"method":"textDocument/foldingRange","params":{"textDocument":{"uri":"file:///training/ds.yaml"}}}Content-Length: 44

{"jsonrpc":"2.0","id":8,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}