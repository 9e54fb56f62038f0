;; An infinite loop, as an export and as a WASI-style _start: only the sandbox can end it.
(module
  (func $spin (export "spin") (result i32)
    (loop $forever
      br $forever)
    i32.const 0)
  (func (export "_start")
    call $spin
    drop))
