;; Declares more initial memory (2000 pages, 125 MiB) than a default cap allows: refused before it runs.
(module
  (memory (export "memory") 2000)
  (func (export "_start")))
