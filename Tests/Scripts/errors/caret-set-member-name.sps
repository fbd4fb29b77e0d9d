m = linear 3 1
m.wieght = [[1, 2, 3]]  # expect error col 3: Model has no member 'wieght'
