;;; dsls.el --- dsls, the DaemonSet language server, in Emacs through eglot  -*- lexical-binding: t; -*-

;; Use: put this file on the `load-path' (e.g. ~/.emacs.d/lisp/) and add to init.el
;;   (add-to-list 'load-path "~/.emacs.d/lisp")
;;   (require 'dsls)
;; It needs `dsls' on the PATH (the release archive's bin/dsls, see the README), eglot and a YAML
;; major mode. Emacs 29+ ships eglot (and yaml-ts-mode); on Emacs 28, e.g. Debian 12, install them:
;;   apt install emacs-nox elpa-eglot elpa-yaml-mode
;; .ci/emacs-e2e.sh runs this file in Debian 12's Emacs 28.2 with eglot 1.9.
;;
;; YAML buffers then get dsls's diagnostics through Flymake (M-x flymake-show-buffer-diagnostics;
;; dsls adds one with the placement, "runs on 2 of 3 nodes · excluded: …", on `kind: DaemonSet',
;; since eglot shows no code lenses), completion with M-TAB or C-M-i (keys at the cursor, and your
;; nodes' labels and taints), hover documentation in the echo area (eldoc) and quick fixes with
;; M-x eglot-code-actions. dsls leaves YAML that is not a DaemonSet alone, but eglot runs one server
;; per buffer: for yaml-language-server in other YAML, start eglot there by hand (M-x eglot).

;;; Code:

(require 'eglot)
(require 'project)

(defgroup dsls nil
  "dsls, the DaemonSet language server."
  :group 'tools)

(defcustom dsls-command '("dsls" "lsp")
  "How eglot starts the server: bin/dsls finds Java 17+ and adds the JVM flags."
  :type '(repeat string))

(defcustom dsls-settings
  '(:inventory []            ; files or globs under the workspace root; default .dsls/inventory.yaml
    :checks (:disabled [])   ; diagnostic codes to turn off, e.g. ["latest-tag"]
    ;; :kubernetesVersion "1.31" ; the cluster's version; default .dsls/config.yaml's, else the newest
    :trace (:server "off"))
  "The `dsls' settings, a plist (vectors are JSON arrays).
Set it before (require \='dsls).  Per project, a directory-local
`eglot-workspace-configuration' replaces it, e.g. in .dir-locals.el:
  ((yaml-mode . ((eglot-workspace-configuration
                  . (:dsls (:inventory [\"nodes.yaml\"]))))))"
  :type 'sexp)

(defcustom dsls-auto-start t
  "Non-nil: start eglot with dsls in every YAML buffer that visits a file."
  :type 'boolean)

;; The workspace root is the nearest folder with a `.dsls' folder (it holds the node inventory,
;; .dsls/inventory.yaml), before the version-control root, as in the Neovim files.
(defun dsls-project-find (dir)
  "A `project-find-functions' member: the nearest folder with .dsls above DIR."
  (let ((root (locate-dominating-file
               dir (lambda (d) (file-directory-p (expand-file-name ".dsls" d))))))
    (and root (cons 'dsls (expand-file-name root)))))

(cl-defmethod project-root ((project (head dsls)))
  (cdr project))

(add-hook 'project-find-functions #'dsls-project-find)

;; The settings go in initializationOptions, so the first diagnostics already use them, and in the
;; global `eglot-workspace-configuration', which eglot sends with didChangeConfiguration and answers
;; workspace/configuration from (other servers ignore its :dsls section). A global value in the
;; older alist form, or a function, is left alone.
(add-to-list 'eglot-server-programs
             `((yaml-mode yaml-ts-mode)
               . (,@dsls-command :initializationOptions
                                 ,(lambda (_server) (list :settings (list :dsls dsls-settings))))))

(let ((global (default-value 'eglot-workspace-configuration)))
  (when (or (null global) (keywordp (car-safe global)))
    (setq-default eglot-workspace-configuration
                  (plist-put (copy-sequence global) :dsls dsls-settings))))

(defun dsls--maybe-start ()
  "Start eglot for a YAML buffer that visits a file, if `dsls-auto-start'."
  (when (and dsls-auto-start buffer-file-name)
    (eglot-ensure)))

(add-hook 'yaml-mode-hook #'dsls--maybe-start)
(add-hook 'yaml-ts-mode-hook #'dsls--maybe-start)

(provide 'dsls)
;;; dsls.el ends here
