# Found by fuzz-run: a reference cycle leaked until the process exited (LeakSanitizer reported it).
# `set` captures the cell `v`; storing `p` (the list holding `set`) in `v` closes a cycle closure → cell → list →
# closure that reference counting never frees. The cycle collector (SPSLanguage/CycleCollector.swift) now frees it
# when it becomes unreachable and when the session ends.
def pair {
  v = 0
  def set x { v = p }
  [set]
}
p = pair()
p[0](42)
