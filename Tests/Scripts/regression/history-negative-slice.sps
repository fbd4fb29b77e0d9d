# Regression (issue 16): l.history[-2..-1] printed an empty table while xs[-2..-1] was an error; both are the last two
seed 0
d = spurious n=64
m = linear 3 1
l = loop m d batch=32
epoch l 4
h = l.history
print (len h) h[-2..-1].n (sum h[-2..].epoch) h[-1].epoch  # expect: 4 2 7 4
print [1, 2, 3][-2..-1]  # expect: [2, 3]
print h[-5..-1]  # expect error: range -5..-1 is out of range for a Table of 4 rows
