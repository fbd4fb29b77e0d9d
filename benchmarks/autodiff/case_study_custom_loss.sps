# The whole case study with the loss written in sps: benchmarks/case_study.sps with `loss=` an objective block
# instead of the built-in mean squared error (the same work as torch_custom_loss.py).
def model_named name {
  if name == "linear" { return linear 3 1 }
  return mlp 3 [64, 64] 1 act=relu
}

results = repeat seeds=0..9 model=["linear", "mlp"] treatment=["baseline", "randomized", "augmented"] {
  factor = 0.2
  if treatment == "randomized" { factor = uniform 0.02 1 }
  train = spurious n=5000 factor=factor
  iid = spurious n=5000 factor=0.2
  ood = spurious n=5000 factor=0.1
  jitter = nil
  if treatment == "augmented" { jitter = noise x3 std=30 }
  m = model_named model
  fit m train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) aug=jitter loss={ m b -> mean ((m b.x - b.y) ** 2) }
  record iid=(rmse m iid) ood=(rmse m ood)
}
print (summary results by=[model, treatment])
