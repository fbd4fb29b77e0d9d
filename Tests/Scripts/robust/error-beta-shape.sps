# Beta needs positive shapes
beta_draw 0 1  # expect error: Beta needs shapes > 0, got 0 and 1
