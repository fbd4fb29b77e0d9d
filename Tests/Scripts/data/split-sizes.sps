seed 0
d = spurious n=10
parts = split d 0.8
print (len parts) parts[0].n parts[1].n  # expect: 2 8 2
print ((abs ((sum parts[0].y) + (sum parts[1].y) - (sum d.y))) < 0.001)  # expect: true
