# The whole case study as an sps script: the same work as benchmarks/torch_case_study.py.
# 3 treatments x {linear, MLP 3-64-64-1 ReLU} x 10 seeds; 5000 training rows, IID and OOD test sets of 5000 rows
# generated per run; Adam 1e-3, StepLR(10, 0.5), MSE, batch 32, 30 epochs.
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
  fit m train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) aug=jitter
  record iid=(rmse m iid) ood=(rmse m ood)
}
print (summary results by=[model, treatment])
