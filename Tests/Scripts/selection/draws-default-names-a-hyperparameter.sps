# expect error: draws: default= gives lamda, which is not among the hyperparameters (lr, lambda); did you mean 'lambda'?
draws {lr: 0.1, lambda: uniform 0 1} default={lamda: 1} n=3
