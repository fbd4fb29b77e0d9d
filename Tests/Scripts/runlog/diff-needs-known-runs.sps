runs store=":memory:"
runs diff 1 2  # expect error: runs diff: the run log has no run 1
