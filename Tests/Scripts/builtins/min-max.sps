print (min 3 1 2) (max 3 1 2) (min [5, 4]) (max 0..10)  # expect: 1 3 4 10
