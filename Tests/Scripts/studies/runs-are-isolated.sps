counter = 0
t = repeat seeds=0..3 {
  counter = counter + 1
  record c=counter
}
print counter
print t.c

# expect: 0
# expect: 4-element Tensor{Float32}:
# expect:  1  1  1  1
