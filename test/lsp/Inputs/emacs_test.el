;;; emacs_test.el --- headless Emacs + Eglot + sendsync-lsp (wrap mode)
;; Open a C file with a broken claim, wait for sendsync's diagnostic next to
;; clangd's (through Flymake, as a user sees them), rename the field
;; without saving, fix it, and shut the server down. Prints the results on
;; stdout; exits with status 1 on failure.
(defvar ss-root (getenv "SS_ROOT"))
;; Batch mode does not activate packages: Debian's elpa-eglot is one (its
;; directory is set by the site start file, which --no-init-file keeps).
(require 'package)
(package-initialize)

(defun ss-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun ss-fail (fmt &rest args)
  (ss-say "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))

(defun ss-diags ()
  (sort (mapcar (lambda (d)
                  (format "%d:%s" (line-number-at-pos (flymake-diagnostic-beg d))
                          (flymake-diagnostic-text d)))
                (flymake-diagnostics))
        #'string<))

(defun ss-sendsync ()
  (seq-filter (lambda (s) (string-match-p "sendsync-claim\\|is marked send" s)) (ss-diags)))

(defun ss-clangd ()
  (seq-filter (lambda (s) (string-match-p "undeclared_name" s)) (ss-diags)))

(defun ss-wait (pred what)
  (let ((deadline (+ (float-time) 90)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (flymake-start))
    (unless (funcall pred)
      (ss-fail "timed out waiting for %s; diagnostics: %S" what (ss-diags)))))

(defun ss-send-changes ()
  "Eglot sends didChange from an idle timer, which batch mode never runs."
  (when (fboundp 'eglot--signal-textDocument/didChange)
    (eglot--signal-textDocument/didChange)))

(condition-case err
    (progn
      (load (getenv "SS_SNIPPET") nil t) ; docs/editors.md, verbatim
      (require 'eglot)
      (find-file (expand-file-name "job.c" ss-root))
      (apply #'eglot (eglot--guess-contact))
      (ss-wait (lambda () (and (ss-sendsync) (ss-clangd))) "sendsync's and clangd's diagnostics")
      (dolist (d (ss-diags)) (ss-say "open: %s" d))
      ;; Typing, unsaved: the field is renamed.
      (goto-char (point-min))
      (search-forward "counter")
      (replace-match "total")
      (ss-send-changes)
      (ss-wait (lambda () (seq-some (lambda (s) (string-match-p "'total'" s)) (ss-sendsync)))
               "the finding after the edit")
      (dolist (d (ss-sendsync)) (ss-say "typed: %s" d))
      ;; The fix.
      (goto-char (point-min))
      (search-forward "int *total SS_BORROWED;")
      (replace-match "int total;" t t)
      (ss-send-changes)
      (ss-wait (lambda () (and (null (ss-sendsync)) (ss-clangd))) "the fix")
      (dolist (d (ss-diags)) (ss-say "fixed: %s" d))
      (when (buffer-modified-p) (ss-say "unsaved: yes"))
      ;; What eglot-shutdown sends: shutdown and exit, both with "params":
      ;; null (jsonrpc.el). eglot-shutdown then kills the process at once;
      ;; here it is given the time to exit by itself, with its status.
      (let* ((server (eglot-current-server))
             (proc (jsonrpc--process server)))
        (ss-say "shutdown: %S" (jsonrpc-request server :shutdown nil))
        (jsonrpc-notify server :exit nil)
        (let ((deadline (+ (float-time) 30)))
          (while (and (process-live-p proc) (< (float-time) deadline))
            (accept-process-output nil 0.1)))
        (ss-say "exit: %s %s" (process-status proc) (process-exit-status proc)))
      (ss-say "emacs wrap: ok")
      (kill-emacs 0))
  (error (ss-fail "%S" err)))
