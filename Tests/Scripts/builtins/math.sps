print (abs -2) (sqrt 9) (exp 0) (log 1) (floor 2.7) (ceil 2.1)  # expect: 2 3 1 0 2 3
