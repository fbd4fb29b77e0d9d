# Bad input: type repeat threads zero means one
# expect: 2-element Tensor{Float32}:
# expect: 1  1

t = repeat seeds=0..1 threads=0 { record a=1 }
print t.a
