seed 0
train = spurious n=300
iid = spurious n=300
study = repeat seeds=0..3 {
  m = linear 3 1
  fit m train epochs=2
  record iid=(rmse m iid) label="lin"
}
print study.columns
print (study.n)
print study.seed
print study.label

# expect: ["seed", "iid", "label"]
# expect: 4
# expect: 4-element Tensor{Float32}:
# expect:  0  1  2  3
# expect: ["lin", "lin", "lin", "lin"]
