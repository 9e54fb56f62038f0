;; Imports a host function the sandbox does not provide: must fail with a message naming it.
(module
  (import "env" "launch_missiles" (func $launch (param i32) (result i32)))
  (func (export "_start")
    i32.const 1
    call $launch
    drop))
