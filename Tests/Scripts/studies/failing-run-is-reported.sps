# One failing run is reported with its seed and settings; the others complete and are in the table.
t = repeat seeds=0..1 k=[1, 2, 3] {
  if k == 2 { error "boom" }
  record ok=k
}
print t.k

# expect: repeat: run with seed 0, k=2 failed: boom
# expect: repeat: run with seed 1, k=2 failed: boom
# expect: 4-element Tensor{Float32}:
# expect:  1  1  3  3
