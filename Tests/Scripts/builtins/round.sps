print (round 2.5) (round 3.14159 digits=2) (round -2.5)  # expect: 3 3.14 -3
