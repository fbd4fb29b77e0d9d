# on="local" runs here, as without on=; the Slurm keywords are then ordinary settings of the block.
a = repeat seeds=0..2 on="local" {
  record x=(seed * 2)
}
b = repeat seeds=0..2 {
  record x=(seed * 2)
}
# expect: 3-element Tensor{Float32}:
# expect:  0  2  4
print a.x
# expect: 3-element Tensor{Float32}:
# expect:  0  2  4
print b.x
