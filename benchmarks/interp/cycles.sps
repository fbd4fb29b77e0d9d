# Memory management: 200,000 reference cycles (a def whose captured variable holds the list holding the def),
# each unreachable one iteration later. The cycle collector frees them. The same loop is in cycles.py, where
# CPython's gc does the work; run.sh times both and reports peak memory.
def pair {
  v = 0
  def set x { v = x }
  [set]
}
n = 0
for i in 0..<200000 {
  p = pair()
  p[0](p)
  n = n + 1
}
print n
