# `_` is the value of the last line that was just an expression, shown or not, in scripts too (a recorded
# session that uses it replays).
x = 41
x + 1
print _  # expect: 42
x * 2;
print _  # expect: 82
y = 5
print _  # expect: 82
seed 0
print _  # expect: 82
t = _ + 1
print t  # expect: 83
