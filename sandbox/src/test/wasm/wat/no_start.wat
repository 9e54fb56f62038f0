;; A library module: exports functions but no _start, so it cannot run as a WASI command.
(module
  (func (export "helper") (result i32)
    i32.const 7))
