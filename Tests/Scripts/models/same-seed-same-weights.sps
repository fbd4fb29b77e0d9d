seed 7
a = linear 3 1
seed 7
b = linear 3 1
c = linear 3 1
print ((sum (a.weight == b.weight)) == 3)
print ((sum (a.weight == c.weight)) == 3)

# expect: true
# expect: false
