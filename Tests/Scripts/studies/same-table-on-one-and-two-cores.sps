seed 0
train = spurious n=300
iid = spurious n=300
one = repeat seeds=0..5 threads=1 {
  m = mlp 3 [8] 1
  fit m train epochs=2 aug=(noise x3 std=3)
  record iid=(rmse m iid)
}
two = repeat seeds=0..5 threads=2 {
  m = mlp 3 [8] 1
  fit m train epochs=2 aug=(noise x3 std=3)
  record iid=(rmse m iid)
}
print (sum (one.iid == two.iid))
print (sum (one.iid == one.iid[0]))

# expect: 6
# expect: 1
