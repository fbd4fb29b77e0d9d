fit (linear 3 1) (spurious n=10) loss=mce  # expect error: unknown loss 'mce' (use mse, l1 or huber); did you mean 'mae'?
