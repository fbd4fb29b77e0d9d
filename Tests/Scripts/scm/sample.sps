seed 0
a = sample (uniform 2 3)
print (a >= 2) (a < 3) (sample 4) ((sample [7, 7]) == 7) ((sample (tensor [1, 1])) == 1)  # expect: true true 4 true true
