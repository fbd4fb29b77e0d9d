runs  # expect error: runs: this session keeps no run log; choose a store with runs store="path"
