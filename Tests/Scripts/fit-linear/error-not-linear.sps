# fit_linear trains linear models with one output
d = iut 2 n=20
m = mlp 10 [4] 1
fit_linear m d.train  # expect error col 12: fit_linear trains linear models with one output (linear d 1); model 0 is Chain(10 => 4 => 1, ReLU())
