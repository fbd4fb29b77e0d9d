# Every repeat run trains its own copy of a model, wherever the block finds it: inside a global list, or in a
# variable captured from an enclosing block (fuzz-run found parallel runs training one captured model at once and
# freeing its gradients under each other). Same seed, same start: every run ends with the same weight, and the
# original model is untouched.
seed 0
train = spurious n=200
ms = [linear 3 1]
before = ms[0].weight[0, 0]
t = repeat seeds=[0, 0, 0, 0] { fit ms[0] train epochs=2; record w=(ms[0].weight[0, 0]) }
print ((max t.w) == (min t.w)) (before == ms[0].weight[0, 0])  # expect: true true
outer = repeat seeds=0..1 threads=1 {
  m = linear 3 1
  inner = repeat seeds=[5, 5, 5, 5] { fit m train epochs=2; record w=(m.weight[0, 0]) }
  record spread=((max inner.w) - (min inner.w))
}
print (max outer.spread)  # expect: 0
