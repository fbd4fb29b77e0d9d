plot box [randn 3, randn 3] names=[a]  # expect error: plot box: names= has 1 names for 2 groups
