# A repeat inside a run runs its own runs (serially, on that run's thread); the outer table is the same on one
# core and on two.
seed 0
train = spurious n=200
def study threads {
  repeat seeds=0..3 threads=threads {
    inner = repeat seeds=0..2 { m = linear 3 1; fit m train epochs=1; record w=m.weight[0, 2] }
    record mean_w=(mean inner.w) runs=inner.n
  }
}
a = study 1
b = study 2
print (sum (a.runs == 3))  # expect: 4
print (sum (a.mean_w == b.mean_w))  # expect: 4
