# Open (not replayed by the tests): a reference cycle leaks. Found by fuzz-run's last run, reported by
# LeakSanitizer when the fuzzer exited; reproduce with `scripts/fuzz leaks run` after copying this file into the
# corpus, or `.build-fuzz/release/fuzz-run -detect_leaks=1 Tests/Fuzz/open/leak-closure-cell-cycle.sps`.
# `set` captures the cell `v`; storing `p` (the list holding `set`) in `v` closes a cycle closure → cell → list →
# closure that reference counting never frees. Freeing it needs a cycle collector (CPython's gc plays this part).
def pair {
  v = 0
  def set x { v = p }
  [set]
}
p = pair()
p[0](42)
