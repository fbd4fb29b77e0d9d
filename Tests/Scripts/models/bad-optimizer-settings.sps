o = adam beta1=1  # expect error: betas must be in [0, 1), got (1, 0.999)
