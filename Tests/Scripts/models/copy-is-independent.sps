seed 0
m = linear 2 1
c = copy m
m.weight = [[5, 5]]
print (c.weight[0, 0] == 5)
print (m.weight[0, 0] == 5)

# expect: false
# expect: true
