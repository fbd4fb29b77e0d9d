s = "ab" * 1e15
