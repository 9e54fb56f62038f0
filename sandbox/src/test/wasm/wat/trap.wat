;; Reaches "unreachable" at once: a guest crash, reported as such.
(module
  (func (export "_start")
    unreachable))
