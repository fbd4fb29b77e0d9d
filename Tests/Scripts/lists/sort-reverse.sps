print (sort [3, 1, 2]) (reverse [1, 2, 3]) (sort ["b", "a"])  # expect: [1, 2, 3] [3, 2, 1] ["a", "b"]
