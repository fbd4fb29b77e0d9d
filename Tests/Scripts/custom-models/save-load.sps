# A model written in sps saves its params; they load into a model made by the same code.
seed 0
train = spurious n=300 factor=0.2
def make {
  W1 = param [8, 3]
  b1 = param [8] fan_in=3
  W2 = param [1, 8]
  b2 = param [1] fan_in=8
  def net x W1 b1 W2 b2 { (tanh (x @ W1.T + b1)) @ W2.T + b2 }
  model net params=[W1, b1, W2, b2]
}
m = make()
fit m train epochs=2
save m "/tmp/sps-golden-custom-model.json"
fresh = make()
load_model "/tmp/sps-golden-custom-model.json" into=fresh
# expect: 0
print ((rmse m train) - (rmse fresh train))
# A chain mixing native layers and a def saves and loads the same way.
def double x { x * 2 }
c = sequential [linear 3 4, double, linear 4 1]
save c "/tmp/sps-golden-custom-chain.json"
c2 = sequential [linear 3 4, double, linear 4 1]
load_model "/tmp/sps-golden-custom-chain.json" into=c2
# expect: 0
print ((rmse c train) - (rmse c2 train))
# expect error: layer 1 was written in sps; its params load into a model made by the same code: load_model
load_model "/tmp/sps-golden-custom-model.json"
