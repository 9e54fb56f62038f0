;; A memory-grow bomb: grows linear memory a page (64 KiB) at a time until the engine says no, then traps.
;; "grow_all" asks for the whole 4 GiB address space in one step and returns what memory.grow answered.
(module
  (memory (export "memory") 1)
  (func $bomb (export "bomb") (result i32)
    (loop $more
      (i32.ne (memory.grow (i32.const 1)) (i32.const -1))
      br_if $more)
    unreachable)
  (func (export "grow_all") (result i32)
    (memory.grow (i32.const 65535)))
  (func (export "pages") (result i32)
    memory.size)
  (func (export "_start")
    call $bomb
    drop))
