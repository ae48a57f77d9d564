;;; emacs-e2e.el --- end-to-end test of samples/emacs/dsls.el in a real Emacs  -*- lexical-binding: t; -*-

;; Run by .ci/emacs-e2e.sh as
;;   PATH=<release>/bin:$PATH emacs --batch --eval '(setq dsls-settings …)' \
;;     -l samples/emacs/dsls.el -l .ci/emacs-e2e.el
;; so the shipped file is the only configuration: opening samples/ds.demo.yaml must start `dsls lsp'
;; through eglot with samples/ (it has .dsls/) as the workspace root and the settings set before
;; loading it. Every check asserts what a user would see through eglot's own features: Flymake
;; diagnostics, completion-at-point candidates and insertion, eldoc's hover text.
;; Exit status: 0 when every check passed, 1 otherwise, with one line per check on stdout.

(require 'cl-lib)

(defvar e2e-repo (expand-file-name ".." (file-name-directory (or load-file-name buffer-file-name))))
(defvar e2e-started (float-time))
(defvar e2e-checks 0)
(defvar e2e-failures nil)

(defun e2e-say (fmt &rest args)
  (princ (format "[%6d ms] %s\n" (round (* 1000 (- (float-time) e2e-started))) (apply #'format fmt args))))

(defun e2e-finish ()
  (let ((server (ignore-errors (eglot-current-server))))
    (if (null e2e-failures)
        (e2e-say "PASS: %d checks" e2e-checks)
      (princ (format "FAILED: %d of %d checks\n" (length e2e-failures) e2e-checks) #'external-debugging-output)
      (dolist (f (reverse e2e-failures))
        (princ (format "  - %s\n" f) #'external-debugging-output))
      ;; The JSON-RPC traffic and the server's stderr help whoever reads a red CI run.
      (when server
        (dolist (buffer (list (jsonrpc-events-buffer server) (jsonrpc-stderr-buffer server)))
          (with-current-buffer buffer
            (princ (format "--- last of %s ---\n%s\n" (buffer-name)
                           (buffer-substring-no-properties (max (point-min) (- (point-max) 4000)) (point-max)))
                   #'external-debugging-output)))))
    (when server (ignore-errors (eglot-shutdown server)))
    (kill-emacs (if e2e-failures 1 0))))

(defun e2e-check (name ok &optional detail)
  "A check that may fail without stopping the run."
  (setq e2e-checks (1+ e2e-checks))
  (if ok
      (e2e-say "ok   %s" name)
    (push (if detail (format "%s: %s" name detail) name) e2e-failures)
    (e2e-say "FAIL %s%s" name (if detail (concat ": " detail) "")))
  ok)

(defun e2e-require (name ok &optional detail)
  "A check the rest of the run depends on: stop at once when it fails."
  (unless (e2e-check name ok detail) (e2e-finish)))

(defun e2e-wait (seconds predicate)
  "Processes events until PREDICATE returns non-nil, at most SECONDS; returns its value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(defun e2e-line (regexp)
  "Moves point to the beginning of the first line matching REGEXP."
  (goto-char (point-min))
  (re-search-forward regexp)
  (beginning-of-line))

;; Backstop: nothing below may hang CI (the shell script has its own timeout too).
(run-at-time 120 nil (lambda () (e2e-check "the run finished within 120 s" nil) (e2e-finish)))

(find-file (expand-file-name "samples/ds.demo.yaml" e2e-repo))
(e2e-require "samples/ds.demo.yaml opens in yaml-mode" (eq major-mode 'yaml-mode) (symbol-name major-mode))

;; eglot-ensure connects on the next command; batch Emacs runs no command loop, so run its hook.
(run-hooks 'post-command-hook)
(e2e-require "eglot starts a server for the buffer and manages it"
             (e2e-wait 60 (lambda () (and (eglot-current-server) eglot--managed-mode))))
(let ((server (eglot-current-server)))
  (e2e-check "the server runs as `dsls lsp' from the PATH"
             (equal (process-command (jsonrpc--process server)) '("dsls" "lsp"))
             (format "%S" (process-command (jsonrpc--process server))))
  (e2e-check "the workspace root is samples/ (the folder with .dsls/)"
             (equal (file-name-as-directory (project-root (eglot--project server)))
                    (file-name-as-directory (expand-file-name "samples" e2e-repo)))
             (project-root (eglot--project server))))

;; Diagnostics, as Flymake lists them (M-x flymake-show-buffer-diagnostics).
(let* ((texts nil)
       (placement (e2e-wait 60 (lambda ()
                                 (flymake-start)
                                 (accept-process-output nil 0.05)
                                 (setq texts (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))
                                 (cl-find-if (lambda (text) (string-match-p "runs on 2 of 3 nodes" text)) texts)))))
  (e2e-check "Flymake shows the placement over the workspace inventory"
             (and placement (string-match-p "placement-summary.*excluded: kind-control-plane" placement))
             (format "%S" texts))
  (e2e-check "Flymake shows best-practice warnings with their code"
             (cl-some (lambda (d) (and (eq (flymake-diagnostic-type d) 'eglot-warning)
                                       (string-match-p "\\[missing-memory-limit\\]" (flymake-diagnostic-text d))))
                      (flymake-diagnostics)))
  (e2e-check "the settings reach the server (missing-liveness-probe is disabled there)"
             (and (cl-some (lambda (text) (string-match-p "\\[missing-readiness-probe\\]" text)) texts)
                  (not (cl-some (lambda (text) (string-match-p "\\[missing-liveness-probe\\]" text)) texts)))
             (format "%S" texts)))

;; Completion: a new pod-spec key typed above `containers:'. (eglot completes with the flex style,
;; so the prefix is one that only hostNetwork matches, and completion-at-point inserts it.)
(e2e-line "^      containers:")
(insert "      hostN\n")
(backward-char 1)
(let* ((capf (eglot-completion-at-point))
       (candidates (and capf (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf))
                                              (nth 2 capf)))))
  (e2e-check "completion at `hostN' in the pod spec offers hostNetwork" (member "hostNetwork" candidates)
             (format "%S" candidates))
  (completion-at-point)
  (e2e-check "completion-at-point inserts `hostNetwork: '"
             (equal (thing-at-point 'line t) "      hostNetwork: \n") (thing-at-point 'line t)))
(delete-region (line-beginning-position) (1+ (line-end-position)))
;; What eglot's idle timer does after an edit (a batch Emacs is never idle): send the change, or
;; the hover request below would wait for it.
(eglot--signal-textDocument/didChange)

;; Hover, as eldoc shows it in the echo area.
(e2e-line "^      containers:")
(forward-char 8)
(let (hover)
  (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
  (e2e-wait 20 (lambda () hover))
  (e2e-check "hover on `containers' shows its documentation" (and hover (string-match-p "List of containers" hover))
             (format "%S" hover)))

(e2e-finish)
;;; emacs-e2e.el ends here
