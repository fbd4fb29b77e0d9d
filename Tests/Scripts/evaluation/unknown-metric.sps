d = spurious n=10
eval (linear 3 1) [d] metric=rmsee  # expect error: unknown metric 'rmsee'; did you mean 'rmse'?
