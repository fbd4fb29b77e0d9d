def scale x by=2 { x * by }
print (scale 3) (scale 3 by=10) (scale 3 4)  # expect: 6 30 12
