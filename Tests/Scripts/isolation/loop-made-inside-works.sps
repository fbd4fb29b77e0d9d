seed 0
train = spurious n=200
m = linear 3 1
one = repeat seeds=0..3 threads=1 { l = loop m train batch=32; step l 5; record x=l.step w=m.weight[0, 2] }
two = repeat seeds=0..3 threads=2 { l = loop m train batch=32; step l 5; record x=l.step w=m.weight[0, 2] }
print (sum (one.x == 5))  # expect: 4
print (sum (one.w == two.w))  # expect: 4
print (one.w[0] == m.weight[0, 2])  # expect: false
