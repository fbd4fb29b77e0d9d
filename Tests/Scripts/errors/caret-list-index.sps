ys = [1, 2]
ys[-5]  # expect error col 4: index -5 is out of range for list of length 2
